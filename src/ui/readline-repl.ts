import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { createEngineAccess } from '../commands/engine-access.js';
import { executeLine } from '../commands/execute.js';
import { isIncomplete } from '../lang/index.js';
import { renderBlockText } from '../render/block-text.js';
import type { Block } from '../render/blocks.js';
import { CONTINUATION, PROMPT } from '../replay/run-script.js';
import { outputColumns } from '../replay/columns.js';
import { ModelSession } from '../session/session.js';

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
  const session = new ModelSession();
  const engine = createEngineAccess(options.backend);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: PROMPT, historySize: 1000 });
  let pending: string[] = [];
  process.stdout.write('klayers: build Keras models in a terminal. Type help, or Input(shape=(4,)) then Dense(3).\n');
  rl.prompt();
  rl.on('SIGINT', () => {
    pending = [];
    process.stdout.write('^C\n');
    rl.setPrompt(PROMPT);
    rl.prompt();
  });
  rl.on('line', async (line) => {
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
    rl.pause();
    const columns = outputColumns();
    const result = await executeLine({ session, columns, engine }, source);
    for (const block of result.blocks) process.stdout.write(paint(block, columns) + '\n');
    rl.setPrompt(PROMPT);
    rl.resume();
    rl.prompt();
  });
  return new Promise((resolve) => rl.on('close', () => resolve(0)));
}
