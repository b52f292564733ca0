import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { warning, type Block } from '../render/blocks.js';
import { formatCell, renderOutput } from '../session-file/write.js';
import type { TranscriptCell } from '../session-file/transcript.js';
import { RESUMED_FROM, journalName } from './paths.js';

/**
 * A session's journal: every accepted command and its output appended as it is accepted, and
 * fsync'd before the next prompt, in the session file format (so a journal replays like any
 * session). A crash loses at most the command that was running.
 */
export class Journal {
  private fd: number | null;
  private failed = false;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates this session's journal in `dir` (made if missing) and writes its header. */
  static create(dir: string, started = new Date(), pid = process.pid, resumedFrom?: string): Journal {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, journalName(started, pid));
    const journal = new Journal(path, openSync(path, 'a'));
    const from = resumedFrom ? `${RESUMED_FROM}${basename(resumedFrom)}\n` : '';
    journal.write(`# klayers journal of the session started ${started.toISOString()} (process ${pid}).\n${from}# Every accepted command, as it was accepted. Restore it with: klayers repl --resume\n\n`);
    return journal;
  }

  /** Appends one accepted command; a failed write becomes one warning, then journaling stops. */
  append(cell: TranscriptCell): Block[] {
    if (this.fd === null) return [];
    try {
      this.write(formatCell({ command: cell.source, output: renderOutput(cell.blocks, cell.columns) }));
      return [];
    } catch (err) {
      this.close();
      if (this.failed) return [];
      this.failed = true;
      return [warning(`The journal ${this.path} could not be written (${(err as Error).message}); this session will not be restorable with --resume. Save it with: save session NAME`)];
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Already gone: nothing more to keep.
    }
    this.fd = null;
  }

  private write(text: string): void {
    writeSync(this.fd!, text);
    fsyncSync(this.fd!);
  }
}
