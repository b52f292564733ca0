import { Command } from 'commander';
import { replayFile, type ReplayOptions } from './replay/replay-file.js';
import { chooseJournal } from './journal/choose.js';
import { journalDir } from './journal/paths.js';

async function repl(options: { backend: string; resume?: boolean | string }): Promise<number> {
  // --resume [ID]: the journal to restore, chosen before anything starts (several: the user picks).
  let resume: boolean | string = false;
  if (options.resume !== undefined && options.resume !== false) {
    const choice = chooseJournal(journalDir(), options.resume);
    if (choice.kind === 'choose') return (process.stdout.write(`${choice.list}\n`), 2);
    if (choice.kind === 'unknown') return (process.stderr.write(`klayers: ${choice.list}\n`), 2);
    resume = choice.kind === 'one' ? choice.path : true;
  }
  // Not a terminal: a piped session, journaled (and resumable) like a typed one.
  if (!process.stdin.isTTY) return replayFile('-', { backend: options.backend, journal: true, resume });
  // Raw mode before the UI loads: keys typed ahead are kept for the prompt, not echoed by the tty.
  process.stdin.setRawMode(true);
  // React's production build: smaller to load, no development-only checks on every render.
  process.env['NODE_ENV'] ??= 'production';
  const { startRepl } = await import('./ui/start.js');
  return startRepl({ backend: options.backend, resume });
}

const program = new Command()
  .name('klayers')
  .description('Build neural networks the Keras way, in a terminal.')
  .version('0.1.0');

program
  .command('repl', { isDefault: true })
  .description('interactive session (reads commands from stdin when it is not a terminal)')
  .option('--backend <name>', 'auto | tensorflow | wasm | cpu', 'auto')
  .option('--resume [id]', 'restore an ended session (after a crash or a closed terminal) from its journal and checkpoint; with several, lists them to pick one by ID')
  .action(async (opts: { backend: string; resume?: boolean | string }) => {
    process.exitCode = await repl(opts);
  });

const collect = (value: string, previous: string[]) => [...previous, value];

program
  .command('replay')
  .description('run a session file or a script of klayers commands (FILE, or - for stdin) and print a transcript')
  .argument('<file>', 'session file (.klayers) or script path, or - for stdin')
  .option('--check', 'compare each output with the one recorded in the session file; print a diff per change, exit 1 if any')
  .option('--update', "rewrite the session file's recorded outputs with the new ones")
  .option('--rtol <x>', 'relative tolerance for numbers under --check (default 1e-3)')
  .option('--atol <x>', 'absolute tolerance for numbers under --check (default 5e-4)')
  .option('-p, --param <name=value>', 'override a session parameter declared with param (repeatable)', collect, [])
  .option('--keep-going', 'run every command even after an error')
  .option('--columns <n>', 'output width (default: the session file\'s, $COLUMNS, the terminal, or 80)')
  .option('--allow-path <dir>', "let the file's commands read and write in DIR too (repeatable); by default a replayed file reaches only its own directory tree", collect, [])
  .option('--allow-any-path', "let the file's commands read and write anywhere, as typed commands do (only for a file you trust)")
  .option('--backend <name>', 'auto | tensorflow | wasm | cpu', 'auto')
  .action(async (file: string, opts: ReplayOptions) => {
    process.exitCode = await replayFile(file, opts);
  });

const native = program.command('native').description('native TensorFlow (the tensorflow backend): set it up, or see its state');
native
  .command('setup')
  .description('get the tensorflow-cpu wheel with pip, build tfjs-node\'s addon against it in the per-user cache, and check it against wasm')
  .option('--wheel <path>', 'use this tensorflow_cpu wheel instead of asking pip')
  .option('--index-url <url>', "pip's index (default: the first extra-index-url pip is configured with)")
  .action(async (opts: { wheel?: string; indexUrl?: string }) => {
    process.exitCode = await (await import('./native-command.js')).nativeSetup(opts);
  });
native
  .command('status')
  .description('which native TensorFlow loads, or why not and the command that fixes it')
  .action(async () => {
    process.exitCode = await (await import('./native-command.js')).nativeStatus();
  });

await program.parseAsync(process.argv);
