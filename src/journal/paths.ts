/**
 * Where journals live: `$KLAYERS_JOURNAL` (a directory; tests set it), else `journal/` in the
 * per-user data directory. Each REPL session writes its own `<start time>-<pid>.klayers`, so two
 * terminals never write one file, and `--resume` takes the newest one whose process is gone.
 */
import envPaths from 'env-paths';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isAlive } from '../fs/atomic-write.js';
import { isSessionText } from '../session-file/format.js';

const JOURNAL_FILE = /^(\d{4}-\d{2}-\d{2}T[\d-]+Z)-(\d+)\.klayers$/;

/** How many earlier journals (and their checkpoints) are kept. */
const KEEP_JOURNALS = 10;

export function journalDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['KLAYERS_JOURNAL'];
  if (configured) return configured;
  return join(envPaths('klayers', { suffix: '' }).data, 'journal');
}

/** `2025-05-01T10-22-03-120Z-4711.klayers`: names sort in start order. */
export function journalName(started: Date, pid: number): string {
  return `${started.toISOString().replace(/[:.]/g, '-')}-${pid}.klayers`;
}

/** The directory beside a journal holding its last checkpoint. */
export function checkpointDirFor(journalPath: string): string {
  return journalPath.replace(/\.klayers$/, '.checkpoint');
}

/** Journals in `dir`, newest first. */
function listJournals(dir: string): { path: string; pid: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => JOURNAL_FILE.test(n))
    .sort()
    .reverse()
    .map((n) => ({ path: join(dir, n), pid: Number.parseInt(JOURNAL_FILE.exec(n)![2]!, 10) }));
}

/** The header line of a journal whose session began by resuming another (named by its file). */
export const RESUMED_FROM = '# resumed from: ';

/**
 * The journals `--resume` offers, newest first: those with commands whose process has ended,
 * less (unless `withResumed`) the ones a later session already resumed (its journal holds their
 * commands, and more).
 */
export function resumableJournals(dir: string, ownPid = process.pid, withResumed = false): { path: string; pid: number; text: string }[] {
  const ended: { path: string; pid: number; text: string }[] = [];
  const resumed = new Set<string>();
  for (const j of listJournals(dir)) {
    let text: string;
    try {
      text = readFileSync(j.path, 'utf8');
    } catch {
      continue;
    }
    const from = text.split('\n', 4).find((l) => l.startsWith(RESUMED_FROM));
    if (from) resumed.add(from.slice(RESUMED_FROM.length).trim());
    if (j.pid === ownPid || isAlive(j.pid) || !isSessionText(text)) continue;
    ended.push({ ...j, text });
  }
  return withResumed ? ended : ended.filter((j) => !resumed.has(basename(j.path)));
}

/** The journal a bare `--resume` restores when it is the only one offered: the newest. */
export function findResumable(dir: string, ownPid = process.pid): string | null {
  return resumableJournals(dir, ownPid)[0]?.path ?? null;
}

/** Deletes all but the newest KEEP_JOURNALS journals of ended processes, with their checkpoints. */
export function pruneJournals(dir: string, keep = KEEP_JOURNALS): void {
  for (const j of listJournals(dir).slice(keep)) {
    if (isAlive(j.pid)) continue;
    rmSync(j.path, { force: true });
    rmSync(checkpointDirFor(j.path), { recursive: true, force: true });
  }
}
