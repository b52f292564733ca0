import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { createContext } from './commands/context.js';
import { outputColumns } from './replay/columns.js';
import { splitLogicalLines } from './replay/logical-lines.js';
import { runScript } from './replay/run-script.js';

async function readSource(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(file, 'utf8');
}

/** `klayers replay FILE|-`: run a script, print a transcript, exit 1 at the first error. */
async function replay(file: string, options: { keepGoing?: boolean; columns?: string; backend: string }): Promise<number> {
  let source: string;
  try {
    source = await readSource(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    process.stderr.write(`klayers: cannot read ${file}: ${why}.\n`);
    return 2;
  }
  const columns = options.columns ? Number.parseInt(options.columns, 10) : outputColumns();
  const ctx = createContext({ columns, backend: options.backend });
  const outcome = await runScript(ctx, splitLogicalLines(source), (t) => process.stdout.write(t), options.keepGoing ?? false);
  if (outcome.firstErrorLine !== null) {
    const where = file === '-' ? `line ${outcome.firstErrorLine}` : `${file}:${outcome.firstErrorLine}`;
    const rest = options.keepGoing ? '' : ' (--keep-going runs past errors)';
    process.stderr.write(`klayers: error at ${where}${rest}\n`);
    return 1;
  }
  return 0;
}

async function repl(options: { backend: string }): Promise<number> {
  if (!process.stdin.isTTY) return replay('-', { backend: options.backend });
  // Raw mode before the UI loads: keys typed ahead are kept for the prompt, not echoed by the tty.
  process.stdin.setRawMode(true);
  // React's production build: smaller to load, no development-only checks on every render.
  process.env['NODE_ENV'] ??= 'production';
  const { startRepl } = await import('./ui/start.js');
  return startRepl({ backend: options.backend });
}

const program = new Command()
  .name('klayers')
  .description('Build neural networks the Keras way, in a terminal.')
  .version('0.1.0');

program
  .command('repl', { isDefault: true })
  .description('interactive session (reads commands from stdin when it is not a terminal)')
  .option('--backend <name>', 'auto | tensorflow | wasm | cpu', 'auto')
  .action(async (opts: { backend: string }) => {
    process.exitCode = await repl(opts);
  });

program
  .command('replay')
  .description('run a script of klayers commands (FILE, or - for stdin) and print a transcript')
  .argument('<file>', 'script path, or - for stdin')
  .option('--keep-going', 'run every command even after an error')
  .option('--columns <n>', 'output width (default: $COLUMNS, the terminal, or 80)')
  .option('--backend <name>', 'auto | tensorflow | wasm | cpu', 'auto')
  .action(async (file: string, opts: { keepGoing?: boolean; columns?: string; backend: string }) => {
    process.exitCode = await replay(file, opts);
  });

await program.parseAsync(process.argv);
