import { LayerError } from '../layers/types.js';
import { isCoded } from './column-types.js';
import { isMissing, parseNumber } from './missing.js';
import { CodeColumn, MISSING_LABEL, NumberColumn } from './store.js';
import type { ColumnInfo, StoredColumn } from './table.js';

const HEAD_ROWS = 20;

/** Where a row came from, for messages: `data.csv:7` or `builtin:iris row 7`. */
export interface RowPlace {
  readonly source: string;
  /** File line, or null when the source has none (then the row number is used). */
  readonly line: number | null;
  readonly row: number;
}

function where(place: RowPlace, field: number): string {
  return place.line === null ? `${place.source} row ${place.row}, column ${field}` : `${place.source}:${place.line}:${field}`;
}

/** A label for a category cell: trimmed text, a canonical number for integer categories. */
function labelOf(cell: string, integer: boolean): string {
  if (isMissing(cell)) return MISSING_LABEL;
  if (integer) {
    const v = parseNumber(cell);
    if (!Number.isNaN(v)) return String(v);
  }
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first <= 32 || last <= 32 ? cell.trim() : cell;
}

/**
 * Turns rows of text into typed columns, one row at a time (the hot loop of a load). A value that
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

  constructor(
    readonly columns: readonly ColumnInfo[],
    private readonly dropMissing: boolean,
    private readonly sampleSize: number,
  ) {
    const kept = columns.map((info, j) => ({ info, j })).filter(({ info }) => info.role !== 'ignored');
    this.stored = kept.map(({ info }) => ({ info, data: isCoded(info.type) ? new CodeColumn() : new NumberColumn() }));
    this.fileIndex = kept.map(({ j }) => j);
    this.targetIndex = kept.filter(({ info }) => info.role === 'target').map(({ j }) => j);
  }

  add(row: readonly string[], place: RowPlace): void {
    if (row.length !== this.columns.length) {
      throw new LayerError(`${where(place, row.length)}: this row has ${row.length} values, but the data has ${this.columns.length} columns.`);
    }
    for (const j of this.targetIndex) if (isMissing(row[j]!)) return void this.droppedMissingTarget++;
    if (this.dropMissing && this.fileIndex.some((j) => isMissing(row[j]!))) return void this.droppedMissing++;
    for (let k = 0; k < this.stored.length; k++) {
      const column = this.stored[k]!;
      const cell = row[this.fileIndex[k]!]!;
      const data = column.data;
      if (data.kind === 'number') {
        const v = parseNumber(cell);
        if (v !== v && !isMissing(cell)) throw this.notANumber(column.info, cell, place, this.fileIndex[k]! + 1);
        data.push(v);
      } else {
        const label = labelOf(cell, column.info.type === 'integer-category');
        if (column.info.type === 'binary' && data.labels.length === 2 && !data.has(label)) {
          throw this.thirdValue(column.info, data.labels, label, place, this.fileIndex[k]! + 1);
        }
        data.push(data.codeOf(label));
      }
    }
    if (this.head.length < HEAD_ROWS) this.head.push(row);
    this.rows++;
  }

  private notANumber(info: ColumnInfo, cell: string, place: RowPlace, field: number): LayerError {
    const inferred = info.why.startsWith('set to') ? `is set to ${info.type}` : `held numbers in the first ${this.sampleSize.toLocaleString('en-US')} rows`;
    return new LayerError(
      `${where(place, field)}: column '${info.name}' ${inferred}, but this row has '${cell}'.`,
      `Fix the value, or read the column as text: types="${info.name}:category".`,
    );
  }

  private thirdValue(info: ColumnInfo, labels: readonly string[], label: string, place: RowPlace, field: number): LayerError {
    return new LayerError(
      `${where(place, field)}: column '${info.name}' had two values (${labels.join(', ')}) in the first ${this.sampleSize.toLocaleString('en-US')} rows, but this row has '${label}'.`,
      `Read it as a category: types="${info.name}:category".`,
    );
  }
}
