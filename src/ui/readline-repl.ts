import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { createContext } from '../commands/context.js';
import { executeLine } from '../commands/execute.js';
import { isIncomplete } from '../lang/index.js';
import { renderBlockText } from '../render/block-text.js';
import type { Block } from '../render/blocks.js';
import { CONTINUATION, PROMPT } from '../replay/run-script.js';
import { outputColumns } from '../replay/columns.js';

function paint(block: Block, columns: number): string {
  const body = renderBlockText(block, columns);
  if (block.kind === 'error') return pc.red(body);
  if (block.kind === 'warning') return pc.yellow(body);
  return body;
}

/**
 * A line-editing REPL on node:readline (history, Ctrl-C clears the line, Ctrl-D leaves). The
 * notebook-style Ink REPL replaces it; both feed the same executeLine.
 */
export function startRepl(options: { backend: string }): Promise<number> {
  const ctx = createContext({ columns: outputColumns(), backend: options.backend });
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: PROMPT, historySize: 1000 });
  let pending: string[] = [];
  process.stdout.write('klayers: build Keras models in a terminal. Type help, or Input(shape=(4,)) then Dense(3).\n');
  rl.prompt();
  rl.on('SIGINT', () => {
    // Ctrl-C clears the line being typed (and any continued lines), as in IPython.
    pending = [];
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    process.stdout.write('^C\n');
    rl.setPrompt(PROMPT);
    rl.prompt();
  });
  // Lines are executed one at a time, in order, even when pasted faster than they run.
  let queue: Promise<void> = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(() => handle(line));
  });
  const handle = async (line: string): Promise<void> => {
    pending.push(line);
    const source = pending.join('\n');
    if (isIncomplete(source)) {
      rl.setPrompt(CONTINUATION);
      rl.prompt();
      return;
    }
    pending = [];
    if (/^\s*(exit|quit)(\(\))?\s*$/.test(source)) {
      rl.close();
      return;
    }
    const columns = outputColumns();
    const result = await executeLine({ ...ctx, columns }, source);
    for (const block of result.blocks) process.stdout.write(paint(block, columns) + '\n');
    rl.setPrompt(PROMPT);
    rl.prompt();
  };
  return new Promise((resolve) => rl.on('close', () => resolve(0)));
}
