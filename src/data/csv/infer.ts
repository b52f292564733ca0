import type { ColumnType } from '../table/column-types.js';
import { isMissing, parseNumber } from '../table/missing.js';

/** Distinct values remembered per column while inferring; beyond this a column is high-cardinality. */
const DISTINCT_CAP = 1000;
/** Integer columns with at most this many values (and few per row) are categories. */
const MAX_INTEGER_CLASSES = 20;

/** Counts gathered over the sample rows of one column: bounded by DISTINCT_CAP. */
export class ColumnSample {
  present = 0;
  missing = 0;
  numeric = 0;
  integer = 0;
  /** Every number so far is the previous plus one: a row counter. */
  increasing = true;
  textLength = 0;
  overflow = false;
  readonly distinct = new Map<string, number>();
  private last = NaN;

  add(cell: string): void {
    if (isMissing(cell)) {
      this.missing++;
      return;
    }
    this.present++;
    this.textLength += cell.length;
    const v = parseNumber(cell);
    if (!Number.isNaN(v)) {
      this.numeric++;
      if (Number.isInteger(v)) this.integer++;
      if (this.numeric > 1 && v !== this.last + 1) this.increasing = false;
      this.last = v;
    }
    const key = cell.trim();
    const seen = this.distinct.get(key);
    if (seen !== undefined) this.distinct.set(key, seen + 1);
    else if (this.distinct.size < DISTINCT_CAP) this.distinct.set(key, 1);
    else this.overflow = true;
  }
}

/** An inferred type and the reason, shown in the type table (`all values unique: an id?`). */
interface Inferred {
  readonly type: ColumnType;
  readonly why: string;
}

/**
 * The type of a column from its sample. Targets take integer categories more readily (10 digit
 * labels in 100 rows are classes; as a feature they would be a number).
 */
export function inferType(name: string, s: ColumnSample, isTarget: boolean): Inferred {
  const distinct = s.overflow ? Infinity : s.distinct.size;
  if (s.present === 0) return { type: 'ignore', why: 'no values' };
  const allUnique = distinct === s.present && s.present >= 20;
  if (s.numeric === s.present) {
    if (distinct === 2 && s.missing === 0) return { type: 'binary', why: 'two values' };
    const allIntegers = s.integer === s.present;
    if (allIntegers && allUnique && !isTarget && (s.increasing || /(^|[_\s])id$|^id([_\s]|$)/i.test(name))) {
      return { type: 'ignore', why: 'unique integers: an id?' };
    }
    const share = isTarget ? 0.2 : 0.05;
    if (allIntegers && distinct <= MAX_INTEGER_CLASSES && distinct <= Math.max(2, share * s.present)) {
      return { type: 'integer-category', why: `${distinct} distinct integers` };
    }
    return { type: 'number', why: 'numbers' };
  }
  if (distinct === 2 && s.missing === 0) return { type: 'binary', why: 'two values' };
  if (!isTarget && allUnique) return { type: 'ignore', why: 'all values unique: an id or free text?' };
  const meanLength = s.textLength / s.present;
  if (!isTarget && s.present >= 20 && distinct > 0.5 * s.present) {
    return { type: 'ignore', why: meanLength > 30 ? 'free text' : 'mostly unique values' };
  }
  return { type: 'category', why: s.numeric > 0 ? 'text and numbers' : 'text' };
}
