import { tallyOf, type ColumnTally } from './column-tally.js';
import { MISSING_LABEL } from './store.js';
import type { StoredColumn } from './table.js';

/** What `data` shows for a column, over every row of the table. */
export interface ColumnStats {
  readonly missing: number;
  readonly min?: number;
  readonly mean?: number;
  readonly max?: number;
  /** Categories by count, most frequent first. */
  readonly counts?: readonly { readonly label: string; readonly count: number }[];
}

/** `data`'s figures for a column from its tally over every row (computed here when not given). */
export function columnStats(column: StoredColumn, all: ColumnTally = tallyOf(column.data)): ColumnStats {
  const data = column.data;
  if (data.kind === 'number') return all.count === 0 ? { missing: all.missing } : { missing: all.missing, min: all.min, mean: all.mean, max: all.max };
  const missingCode = data.labels.indexOf(MISSING_LABEL);
  const byCount = data.labels.map((label, code) => ({ label, count: all.countOf(code) })).sort((a, b) => b.count - a.count);
  return { missing: missingCode >= 0 ? all.countOf(missingCode) : 0, counts: byCount };
}
