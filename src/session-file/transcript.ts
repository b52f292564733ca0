import type { Block } from '../render/blocks.js';

/** One accepted command and what it printed. */
export interface TranscriptCell {
  /** The line as typed (parameters like `$epochs` not yet substituted). */
  readonly source: string;
  readonly blocks: readonly Block[];
  /** The width the output was shown at. */
  readonly columns: number;
}

/** Told of every accepted command as it is accepted; may answer with warnings to show. */
type TranscriptListener = (cell: TranscriptCell, index: number) => readonly Block[] | void;

/**
 * A session's transcript: the ordered accepted commands and their outputs, filled by executeLine
 * (the one path every line takes). `save session` writes it; the journal listens to it.
 */
export class Transcript {
  readonly cells: TranscriptCell[] = [];
  private readonly listeners: TranscriptListener[] = [];

  /** Appends a cell and tells the listeners; returns the blocks they want shown (warnings). */
  record(cell: TranscriptCell): Block[] {
    this.cells.push(cell);
    const notes: Block[] = [];
    for (const listener of this.listeners) notes.push(...(listener(cell, this.cells.length - 1) ?? []));
    return notes;
  }

  onRecord(listener: TranscriptListener): void {
    this.listeners.push(listener);
  }
}
