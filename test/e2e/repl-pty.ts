import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn, type IPty } from '@lydell/node-pty';
import { ROOT } from './cli.js';
import { Screen } from './repl-screen.js';

/** The built `klayers repl` in an 80×24 pseudo-terminal, with its own history file. */
export interface ReplTerminal {
  readonly pty: IPty;
  readonly screen: Screen;
  readonly historyFile: string;
  /** Sends keys as a terminal would (`\r` is Enter, `\x03` Ctrl-C, `\x1b[A` ↑). */
  type(keys: string): void;
  /** Resolves with the screen text once `check` holds; fails showing the screen after `ms`. */
  waitFor(check: string | RegExp | ((screen: string) => boolean), ms?: number): Promise<string>;
  /** Resolves with the exit code. */
  readonly exited: Promise<number>;
}

export function startRepl(historyFile = join(mkdtempSync(join(tmpdir(), 'klayers-pty-')), 'history'), args: string[] = []): ReplTerminal {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), KLAYERS_HISTORY: historyFile, KLAYERS_JOURNAL: join(dirname(historyFile), 'journal'), TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env['CI']; // Ink only prints final frames when it thinks it runs in CI
  delete env['COLUMNS'];
  const pty = spawn(process.execPath, [`${ROOT}bin/klayers.js`, 'repl', ...args], { cols: 80, rows: 24, cwd: ROOT, env, name: 'xterm-256color' });
  const screen = new Screen(80, 24);
  const listeners = new Set<() => void>();
  pty.onData((d) => {
    screen.write(d);
    for (const l of listeners) l();
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const waitFor = (check: string | RegExp | ((s: string) => boolean), ms = 8000) => {
    const test = typeof check === 'function' ? check : typeof check === 'string' ? (s: string) => s.includes(check) : (s: string) => check.test(s);
    return new Promise<string>((resolve, reject) => {
      const look = () => {
        if (!test(screen.text())) return;
        cleanup();
        resolve(screen.text());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${String(check)}; the screen was:\n${screen.text()}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(look);
      };
      listeners.add(look);
      look();
    });
  };
  return { pty, screen, historyFile, type: (keys) => pty.write(keys), waitFor, exited };
}

/** The row the prompt is on (the last `klayers>` or `...>` row). */
export function promptRow(screen: string): string {
  const rows = screen.split('\n');
  for (let i = rows.length - 1; i >= 0; i -= 1) if (/^(klayers>| {3}\.\.\.>)/.test(rows[i]!)) return rows[i]!;
  return '';
}
