import type { CodeColumn, NumberColumn } from './store.js';

/**
 * Running statistics of one column over the rows given to it, in one pass: for numbers the
 * count, missing values, sum, min, max and squares about a shift (the first value seen, which
 * keeps the variance exact enough without a second pass); for text, a count per code. A load held
 * in memory and one streamed from disk feed the same rows in the same order, so both fit
 * identical encoders.
 */
export class ColumnTally {
  count = 0;
  missing = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private shift = NaN;
  private shifted = 0;
  private squares = 0;
  /** Rows per code (text columns). */
  readonly codes: number[] = [];

  /** Adds `data`'s values at `rows` (indices into data), or at every index from `from` on. */
  add(data: NumberColumn | CodeColumn, rows: ArrayLike<number> | null, from = 0): void {
    const n = rows ? rows.length : data.length - from;
    if (data.kind === 'codes') {
      const values = data.codes;
      const counts = this.codes;
      for (let i = 0; i < n; i++) {
        const code = values[rows ? rows[i]! : from + i]!;
        counts[code] = (counts[code] ?? 0) + 1;
      }
      return;
    }
    // Locals in the loop, fields once after it: this runs over every training value of a load.
    const values = data.values;
    let { count, missing, sum, min, max, shift, shifted, squares } = this;
    for (let i = 0; i < n; i++) {
      const v = values[rows ? rows[i]! : from + i]!;
      if (v !== v) {
        missing++;
        continue;
      }
      if (shift !== shift) shift = v;
      const d = v - shift;
      shifted += d;
      squares += d * d;
      sum += v;
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    Object.assign(this, { count, missing, sum, min, max, shift, shifted, squares });
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** Population standard deviation (numpy's and StandardScaler's, ddof=0). */
  get std(): number {
    if (this.count === 0) return 0;
    const m = this.shifted / this.count;
    return Math.sqrt(Math.max(0, this.squares / this.count - m * m));
  }

  /** Rows with code `code` (0 when none). */
  countOf(code: number): number {
    return this.codes[code] ?? 0;
  }
}

/** A tally of `data` over `rows`, or over every row. */
export function tallyOf(data: NumberColumn | CodeColumn, rows: ArrayLike<number> | null = null): ColumnTally {
  const tally = new ColumnTally();
  tally.add(data, rows);
  return tally;
}
