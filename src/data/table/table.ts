import type { ColumnType } from './column-types.js';
import type { ColumnTally } from './column-tally.js';
import type { FileSource } from './source.js';
import type { CodeColumn, NumberColumn } from './store.js';

/** What a column is for in the data set. */
type ColumnRole = 'feature' | 'target' | 'ignored';

/** One column of the file as klayers reads it: its type, why, and its role. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: ColumnType;
  /** `numbers`, `two values`, `set by types=`… */
  readonly why: string;
  readonly role: ColumnRole;
  /** Printed under the type table: what went wrong with the column and the fix (a number column broken by one text cell). */
  readonly warning?: string;
}

/** A column kept in memory (features and targets; ignored columns are never stored). */
export interface StoredColumn {
  readonly info: ColumnInfo;
  readonly data: NumberColumn | CodeColumn;
}

/**
 * The rows of a source as typed columns: numbers as float32, text as int32 codes. This is what
 * splitting and encoding read, so `split` and `scale=` never re-read the file.
 */
export interface Table {
  readonly name: string;
  readonly description?: string;
  readonly columns: readonly ColumnInfo[];
  readonly stored: readonly StoredColumn[];
  readonly rowCount: number;
  /** How many rows the types were inferred from. */
  readonly sampleSize: number;
  /** The first rows as the file has them, for `data head`. */
  readonly head: readonly (readonly string[])[];
  readonly droppedMissingTarget: number;
  readonly droppedMissing: number;
  readonly suggestedReshape?: readonly number[];
  /**
   * Set when the file is too large to hold: `stored` then keeps only the head rows (and every
   * text column's full list of labels), and each pass reads the file again.
   */
  readonly streamed?: StreamedRows;
}

export function storedColumn(table: Table, name: string): StoredColumn | undefined {
  return table.stored.find((c) => c.info.name === name);
}

/** How a streamed table reads its rows again, and what its one full pass found. */
interface StreamedRows {
  readonly source: FileSource;
  /** Per stored column, its tally over every row (what `data` shows). */
  readonly all: readonly ColumnTally[];
  readonly dropMissing: boolean;
  /** `na_values=`: cell texts read as missing, on every pass. */
  readonly naValues: readonly string[];
  /** Why it is streamed: `stream=True`, or that it would not fit in memory. */
  readonly why: string;
  /** The file's size and modification time when it was read, to notice a change before a pass. */
  readonly stamp: { readonly size: number; readonly mtimeMs: number };
}
