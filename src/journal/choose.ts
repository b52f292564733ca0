/**
 * `klayers repl --resume [ID]` with several ended sessions in one HOME: which journal to restore,
 * and the list the user picks from (id, when, what the model last got, the last command).
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseSessionFile } from '../session-file/read.js';
import { resumableJournals } from './paths.js';

interface Offered {
  /** The journal's name without `.klayers`: `2025-05-01T10-22-03-120Z-4711`. */
  readonly id: string;
  readonly path: string;
  readonly pid: number;
  readonly text: string;
}

type Choice = { kind: 'none' } | { kind: 'one'; path: string } | { kind: 'choose'; list: string } | { kind: 'unknown'; list: string };

const idOf = (path: string) => basename(path).replace(/\.klayers$/, '');

/** One line per journal: its id, when it last wrote, its commands, the last layer added and command. */
function describe(j: Offered): string {
  const cells = parseSessionFile(j.text).cells;
  const last = cells.at(-1)?.command.split('\n')[0] ?? '';
  const added = cells.flatMap((c) => c.output).filter((l) => l.startsWith('Added ')).at(-1);
  const when = (() => {
    try {
      return statSync(j.path).mtime.toISOString().replace('T', ' ').slice(0, 19);
    } catch {
      return '?';
    }
  })();
  const model = added ? `; ${added.replace(/, [\d,]+ params?$/, '')}` : '; no layers added';
  return `  ${j.id}  last command ${when}: ${cells.length} command${cells.length === 1 ? '' : 's'}${model}; last: ${last}`;
}

function listText(head: string, offered: readonly Offered[]): string {
  return [head, ...offered.map(describe), `Resume one with: klayers repl --resume ID (the id above, its start such as ${offered[0]!.id.slice(0, 10)}, or its process id ${offered[0]!.pid}).`].join('\n');
}

/**
 * What `--resume` restores: `id` true is a bare --resume (the one offered, or the list when there
 * are several); a string picks by the whole id, a unique start of it, or the process id.
 */
export function chooseJournal(dir: string, id: string | true): Choice {
  const offered: Offered[] = resumableJournals(dir).map((j) => ({ ...j, id: idOf(j.path) }));
  if (id === true) {
    if (offered.length === 0) return { kind: 'none' };
    if (offered.length === 1) return { kind: 'one', path: offered[0]!.path };
    return { kind: 'choose', list: listText(`${offered.length} ended sessions can be resumed (newest first):`, offered) };
  }
  // A session superseded by a later resume can still be named by its id.
  const all: Offered[] = resumableJournals(dir, process.pid, true).map((j) => ({ ...j, id: idOf(j.path) }));
  const matches = all.filter((j) => j.id === id || String(j.pid) === id || j.id.startsWith(id));
  const exact = matches.find((j) => j.id === id);
  if (exact) return { kind: 'one', path: exact.path };
  if (matches.length === 1) return { kind: 'one', path: matches[0]!.path };
  const shown = offered.length > 0 ? offered : all;
  const why = matches.length > 1 ? `--resume ${id} fits ${matches.length} sessions` : `no ended session has the id ${id}`;
  if (shown.length === 0) return { kind: 'unknown', list: `${why}, and there is none to resume in ${dir}.` };
  return { kind: 'unknown', list: listText(`${why}; these can be resumed (newest first):`, matches.length > 1 ? matches : shown) };
}
