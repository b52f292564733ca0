import { UserError } from '../../core/user-error.js';
import { isCoded } from '../table/column-types.js';
import { missingTest, parseNumber } from '../table/missing.js';
import { CodeColumn, MISSING_LABEL, NumberColumn } from '../table/store.js';
import type { ColumnInfo, StoredColumn } from '../table/table.js';

/** Rows kept as text for `data head` (a streamed table also keeps their typed values). */
export const HEAD_ROWS = 20;

/** Where a row came from, for messages: `data.csv:7` or `builtin:iris row 7`. */
interface RowPlace {
  readonly source: string;
  /** File line, or null when the source has none (then the row number is used). */
  readonly line: number | null;
  readonly row: number;
}

function where(place: RowPlace, field?: number): string {
  const column = field === undefined ? '' : place.line === null ? `, column ${field}` : `:${field}`;
  return place.line === null ? `${place.source} row ${place.row}${column}` : `${place.source}:${place.line}${column}`;
}

/** A label for a category cell: trimmed text, a canonical number for integer categories. */
function labelOf(cell: string, integer: boolean, isMissing: (cell: string) => boolean): string {
  if (isMissing(cell)) return MISSING_LABEL;
  if (integer) {
    const v = parseNumber(cell);
    if (!Number.isNaN(v)) return String(v);
  }
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first <= 32 || last <= 32 ? cell.trim() : cell;
}

function anyMissing(row: readonly string[], indices: readonly number[], isMissing: (cell: string) => boolean): boolean {
  for (const j of indices) if (isMissing(row[j]!)) return true;
  return false;
}

/**
 * Turns rows of text into typed columns, a batch at a time (the hot loop of a load): first the
 * rows are checked and filtered, then each column is converted in one tight loop. A value that
 * contradicts the column's type (text in a number column, a third value in a binary one) stops
 * the load with its place, the value and the fix.
 */
export class RowIngest {
  readonly stored: StoredColumn[];
  private readonly fileIndex: number[];
  private readonly targetIndex: number[];
  rows = 0;
  droppedMissingTarget = 0;
  droppedMissing = 0;
  /** The first accepted rows as text, for `data head` (row i here is table row i). */
  readonly head: (readonly string[])[] = [];
  private readonly isMissing: (cell: string) => boolean;
  /** Whether `na_values=` names texts, which may be numbers (`-999`): then every number cell is checked first. */
  private readonly naValues: boolean;

  /** `labels`: per stored text column, the codes a previous pass over the same file gave; `naValues`: cell texts read as missing (`na_values=`). */
  constructor(
    readonly columns: readonly ColumnInfo[],
    private readonly dropMissing: boolean,
    private readonly sampleSize: number,
    labels?: ReadonlyMap<string, readonly string[]>,
    naValues: readonly string[] = [],
  ) {
    this.isMissing = missingTest(naValues);
    this.naValues = naValues.length > 0;
    const kept = columns.map((info, j) => ({ info, j })).filter(({ info }) => info.role !== 'ignored');
    this.stored = kept.map(({ info }) => ({ info, data: isCoded(info.type) ? new CodeColumn(labels?.get(info.name)) : new NumberColumn() }));
    this.fileIndex = kept.map(({ j }) => j);
    this.targetIndex = kept.filter(({ info }) => info.role === 'target').map(({ j }) => j);
  }

  /** Adds a batch of rows; `placeOf(i)` says where row i came from (asked only for a message). */
  addBatch(batch: readonly (readonly string[])[], placeOf: (i: number) => RowPlace): void {
    const accepted = this.accept(batch, placeOf);
    for (let k = 0; k < this.stored.length; k++) {
      const column = this.stored[k]!;
      const j = this.fileIndex[k]!;
      const data = column.data;
      if (data.kind === 'number') {
        for (const i of accepted) {
          const cell = batch[i]![j]!;
          const v = this.naValues && this.isMissing(cell) ? NaN : parseNumber(cell);
          if (v !== v && !this.isMissing(cell)) throw this.notANumber(column.info, cell, placeOf(i), j + 1);
          data.push(v);
        }
        continue;
      }
      const integer = column.info.type === 'integer-category';
      const binary = column.info.type === 'binary';
      for (const i of accepted) {
        const label = labelOf(batch[i]![j]!, integer, this.isMissing);
        if (binary && data.labels.length === 2 && !data.has(label)) throw this.thirdValue(column.info, data.labels, label, placeOf(i), j + 1);
        data.push(data.codeOf(label));
      }
    }
    for (const i of accepted) if (this.head.length < HEAD_ROWS) this.head.push(batch[i]!);
    this.rows += accepted.length;
  }

  /** Rows held in the columns now (fewer than `rows` once a streamed pass has truncated them). */
  get held(): number {
    return this.stored[0]?.data.length ?? 0;
  }

  /** Keeps the first `n` rows in the columns; counts, labels and the head stay. */
  truncate(n: number): void {
    for (const c of this.stored) c.data.truncate(n);
  }

  /** Indices of the rows kept: whole rows with a target (and, with missing=drop, no gaps). */
  private accept(batch: readonly (readonly string[])[], placeOf: (i: number) => RowPlace): number[] {
    const accepted: number[] = [];
    const width = this.columns.length;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i]!;
      if (row.length !== width) {
        throw new UserError(`${where(placeOf(i))}: this row has ${row.length} values, but the file has ${width} columns.`, 'Fix the row, or quote a value that contains the delimiter ("a, b").');
      }
      if (anyMissing(row, this.targetIndex, this.isMissing)) {
        this.droppedMissingTarget++;
        continue;
      }
      if (this.dropMissing && anyMissing(row, this.fileIndex, this.isMissing)) {
        this.droppedMissing++;
        continue;
      }
      accepted.push(i);
    }
    return accepted;
  }

  private notANumber(info: ColumnInfo, cell: string, place: RowPlace, field: number): UserError {
    const inferred = info.why.startsWith('set to') ? `is set to ${info.type}` : `held numbers in the first ${this.sampleSize.toLocaleString('en-US')} rows`;
    return new UserError(
      `${where(place, field)}: column '${info.name}' ${inferred}, but this row has '${cell}'.`,
      `Fix the value, or read the column as text: types="${info.name}:category".`,
    );
  }

  private thirdValue(info: ColumnInfo, labels: readonly string[], label: string, place: RowPlace, field: number): UserError {
    return new UserError(
      `${where(place, field)}: column '${info.name}' had two values (${labels.join(', ')}) in the first ${this.sampleSize.toLocaleString('en-US')} rows, but this row has '${label}'.`,
      `Read it as a category: types="${info.name}:category".`,
    );
  }
}
