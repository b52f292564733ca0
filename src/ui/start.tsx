import { render } from 'ink';
import { createContext } from '../commands/context.js';
import { colorEnabled } from './colors.js';
import { App } from './components/App.js';
import { HistoryStore } from './history-store.js';

/**
 * `klayers repl` on a terminal: the Ink notebook REPL. Ctrl-C is the editor's (clear the line),
 * not Ink's exit. Resolves with the exit code once the user leaves.
 */
export async function startRepl(options: { backend: string }): Promise<number> {
  const ctx = createContext({ columns: process.stdout.columns || 80, backend: options.backend });
  const colors = colorEnabled(process.env, process.stdout.isTTY === true);
  const app = render(<App ctx={ctx} history={new HistoryStore()} colors={colors} />, { exitOnCtrlC: false });
  await app.waitUntilExit();
  return 0;
}
