import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';

/** How many earlier commands ↑ and Ctrl-R reach. */
export const HISTORY_LIMIT = 1000;

/**
 * Where the command history lives: $KLAYERS_HISTORY, else the per-user data directory
 * (~/.local/share/klayers/history on Linux) — never inside a project.
 */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['KLAYERS_HISTORY'];
  if (configured) return configured;
  return join(envPaths('klayers', { suffix: '' }).data, 'history');
}

/** One entry a line: a command typed over several lines is kept as one line. */
export function historyEntry(lines: readonly string[]): string {
  return lines.map((l, i) => (i < lines.length - 1 ? l.replace(/\\$/, '') : l)).join(' ').trim();
}

/** The history kept across runs: read once at start, appended to as commands are accepted. */
export class HistoryStore {
  constructor(readonly path: string = historyPath()) {}

  /** Earlier commands, oldest first; a missing or unreadable file is an empty history. */
  load(): string[] {
    try {
      const lines = readFileSync(this.path, 'utf8').split('\n').filter((l) => l.trim() !== '');
      return lines.slice(-HISTORY_LIMIT);
    } catch {
      return [];
    }
  }

  /** Best effort: a history that cannot be written must not break the session. */
  append(entry: string): void {
    if (entry.trim() === '' || entry.includes('\n')) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      appendFileSync(this.path, entry + '\n', 'utf8');
    } catch {
      // read-only home, full disk: keep going without history
    }
  }
}
