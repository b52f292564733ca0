import type { CommandContext } from '../commands/types.js';
import { message, warning, type Block } from '../render/blocks.js';
import { Checkpointer } from './checkpointer.js';
import { checkpointedContext } from './engine-hook.js';
import { Journal } from './journal.js';
import { checkpointDirFor, findResumable, journalDir, pruneJournals } from './paths.js';
import { resumeFromJournal } from './resume.js';

export interface JournaledSession {
  /** The context to run commands in: its fits checkpoint every epoch. */
  readonly ctx: CommandContext;
  /** What to show first: what a resume restored, or why the journal is off. */
  readonly notes: readonly Block[];
  /** This session's journal file, or null when it could not be created. */
  readonly journalPath: string | null;
  /** Waits for the last checkpoint to reach the disk and closes the journal. */
  close(): Promise<void>;
}

/**
 * Starts never-lose-work for a REPL session: a fresh journal that every accepted command of
 * `base` is appended to, a checkpoint at each epoch end, and, with `resume`, the newest ended
 * session restored into `base` first.
 */
export async function startJournaled(base: CommandContext, options: { resume?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<JournaledSession> {
  const dir = journalDir(options.env);
  const resumeFrom = options.resume ? findResumable(dir) : null;
  const notes: Block[] = [];
  let journal: Journal | null = null;
  try {
    journal = Journal.create(dir);
  } catch (err) {
    notes.push(warning(`No journal for this session (${(err as Error).message}): it cannot be restored with --resume. Save it with: save session NAME`));
  }
  const checkpointer = journal ? new Checkpointer(checkpointDirFor(journal.path)) : null;
  if (journal) base.transcript?.onRecord((cell) => journal.append(cell));
  const ctx = checkpointer ? checkpointedContext(base, checkpointer) : base;
  if (options.resume) {
    notes.unshift(...(resumeFrom ? await resumeFromJournal(ctx, resumeFrom, checkpointer) : [message(`Nothing to resume: no journal of an ended session in ${dir}. Starting fresh.`)]));
  }
  try {
    pruneJournals(dir);
  } catch {
    // Old journals that cannot be removed are only clutter.
  }
  return {
    ctx,
    notes,
    journalPath: journal?.path ?? null,
    async close() {
      await checkpointer?.flush();
      journal?.close();
    },
  };
}
