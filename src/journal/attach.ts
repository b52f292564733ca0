import type { KlayersSession } from '../session/klayers-session.js';
import { message, warning, type Block } from '../render/blocks.js';
import { Checkpointer } from './checkpointer.js';
import { checkpointEveryEpoch } from './engine-hook.js';
import { Journal } from './journal.js';
import { checkpointDirFor, findResumable, journalDir, pruneJournals } from './paths.js';
import { resumeFromJournal, type RunLine } from './resume.js';

interface JournaledSession {
  /** What to show first: what a resume restored, or why the journal is off. */
  readonly notes: readonly Block[];
  /** This session's journal file, or null when it could not be created. */
  readonly journalPath: string | null;
  /** Waits for the last checkpoint to reach the disk and closes the journal. */
  close(): Promise<void>;
}

/**
 * Starts never-lose-work for a REPL session: a fresh journal that every accepted command of
 * `session` is appended to, a checkpoint at each epoch end of its fits, and, with `resume`, the
 * chosen ended session (or the newest) restored into it first (its lines run through `run`).
 */
export async function startJournaled(session: KlayersSession, run: RunLine, options: { resume?: boolean | string; env?: NodeJS.ProcessEnv } = {}): Promise<JournaledSession> {
  const dir = journalDir(options.env);
  // A string: the journal the user chose (chooseJournal); true: the newest one offered.
  const resumeFrom = typeof options.resume === 'string' ? options.resume : options.resume ? findResumable(dir) : null;
  const notes: Block[] = [];
  let journal: Journal | null = null;
  try {
    journal = Journal.create(dir, undefined, undefined, resumeFrom ?? undefined);
  } catch (err) {
    notes.push(warning(`No journal for this session (${(err as Error).message}): it cannot be restored with --resume. Save it with: save session NAME`));
  }
  const checkpointer = journal ? new Checkpointer(checkpointDirFor(journal.path)) : null;
  if (journal) session.transcript.onRecord((cell) => journal.append(cell));
  if (checkpointer) checkpointEveryEpoch(session, checkpointer);
  if (options.resume) {
    notes.unshift(...(resumeFrom ? await resumeFromJournal(session, run, resumeFrom, checkpointer) : [message(`Nothing to resume: no journal of an ended session in ${dir}. Starting fresh.`)]));
  }
  try {
    pruneJournals(dir);
  } catch {
    // Old journals that cannot be removed are only clutter.
  }
  return {
    notes,
    journalPath: journal?.path ?? null,
    async close() {
      await checkpointer?.flush();
      journal?.close();
    },
  };
}
