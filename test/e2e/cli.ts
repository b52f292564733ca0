import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { repoRoot } from '../helpers/repo-root.js';

const JOURNALS = mkdtempSync(join(tmpdir(), 'klayers-journal-'));

/** The repository root (with a trailing separator), whether this runs from test/ or dist/test/. */
export const ROOT = repoRoot() + sep;

/** Runs the built CLI (bin/klayers.js → dist) as a user would, with a fixed width. */
export function klayers(args: readonly string[], stdin = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [`${ROOT}bin/klayers.js`, ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    // Journals go to a scratch folder, never the user's data directory.
    env: { ...process.env, COLUMNS: '80', NO_COLOR: '1', KLAYERS_JOURNAL: JOURNALS, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The `Model: "..."` table through its last footer line, as Keras prints it. */
export function summaryIn(output: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Model: "'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(' Non-trainable params:'));
  return start < 0 || end < 0 ? '' : lines.slice(start, end + 1).join('\n');
}
