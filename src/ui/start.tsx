import { render } from 'ink';
import { createContext } from '../commands/context.js';
import { executeLine } from '../commands/execute.js';
import { startJournaled } from '../journal/attach.js';
import { renderBlockText } from '../render/block-text.js';
import { colorEnabled } from './colors.js';
import { App } from './components/App.js';
import { HistoryStore } from './history-store.js';

/**
 * `klayers repl` on a terminal: the Ink notebook REPL. Ctrl-C is the editor's (clear the line),
 * not Ink's exit. Resolves with the exit code once the user leaves.
 */
export async function startRepl(options: { backend: string; resume?: boolean | string }): Promise<number> {
  // Every accepted command is journaled, every epoch checkpointed (--resume restores them).
  const ctx = createContext({ columns: process.stdout.columns || 80, backend: options.backend });
  const journaled = await startJournaled(ctx.session, (line) => executeLine(ctx, line), { resume: options.resume ?? false });
  for (const note of journaled.notes) process.stdout.write(renderBlockText(note, ctx.columns) + '\n');
  const colors = colorEnabled(process.env, process.stdout.isTTY === true);
  const app = render(<App ctx={ctx} history={new HistoryStore()} colors={colors} />, { exitOnCtrlC: false });
  await app.waitUntilExit();
  await journaled.close();
  return 0;
}
