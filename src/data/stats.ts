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

export function columnStats(column: StoredColumn): ColumnStats {
  const data = column.data;
  if (data.kind === 'number') {
    let missing = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of data.values) {
      if (v !== v) {
        missing++;
        continue;
      }
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const present = data.length - missing;
    return present === 0 ? { missing } : { missing, min, mean: sum / present, max };
  }
  const counts = new Int32Array(data.labels.length);
  for (const code of data.codes) counts[code]!++;
  const missingCode = data.labels.indexOf(MISSING_LABEL);
  const byCount = data.labels.map((label, code) => ({ label, count: counts[code]! })).sort((a, b) => b.count - a.count);
  return { missing: missingCode >= 0 ? counts[missingCode]! : 0, counts: byCount };
}
