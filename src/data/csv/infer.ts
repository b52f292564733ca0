import type { ColumnType } from '../table/column-types.js';
import { isMissing as isMarker, parseNumber } from '../table/missing.js';

/** Distinct values remembered per column while inferring; beyond this a column is high-cardinality. */
const DISTINCT_CAP = 1000;
/** Integer targets with at most this many values (and few per row) are classes. */
const MAX_INTEGER_CLASSES = 20;
/**
 * Integer features with at most this many values (and few per row) are codes, one-hot encoded
 * (`cp` 0–3 in Keras' heart-disease example); more levels are an ordered quantity, a number
 * (pixels 0–16, ages, counts).
 */
export const MAX_INTEGER_CODES = 10;
/** A column of numbers with at most this many distinct other texts (`oops`, `#N/A`) is numbers with stray cells. */
const MAX_STRAY_TEXTS = 3;

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
  min = Infinity;
  max = -Infinity;
  /** The first cell that is neither a number nor missing, and its index among the sample rows. */
  firstText: { readonly cell: string; readonly row: number } | null = null;
  readonly distinct = new Map<string, number>();
  private last = NaN;

  /** `isMissing`: the load's missing test (with its `na_values=`). */
  constructor(private readonly isMissing: (cell: string) => boolean = isMarker) {}

  /** `row`: the cell's index among the sample rows (named in messages about a stray text). */
  add(cell: string, row = -1): void {
    if (this.isMissing(cell)) {
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
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
    } else if (!this.firstText) this.firstText = { cell: cell.trim(), row };
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
  /** Set when the column holds numbers but for a few stray texts: the first of them (the column is ignored). */
  readonly stray?: { readonly cell: string; readonly row: number };
}

/** The type the numbers of a column make: codes, an id, or a quantity. */
function numericType(name: string, s: ColumnSample, distinct: number, isTarget: boolean): Inferred {
  const allUnique = distinct === s.numeric && s.numeric >= 20;
  const allIntegers = s.integer === s.numeric;
  if (allIntegers && allUnique && !isTarget && (s.increasing || /(^|[_\s])id$|^id([_\s]|$)/i.test(name))) {
    return { type: 'ignore', why: 'unique integers: an id?' };
  }
  const share = isTarget ? 0.2 : 0.05;
  const most = isTarget ? MAX_INTEGER_CLASSES : MAX_INTEGER_CODES;
  if (allIntegers && distinct <= most && distinct <= Math.max(2, share * s.numeric)) {
    return { type: 'integer-category', why: isTarget ? `${distinct} distinct integers` : `${distinct} distinct integers (${MAX_INTEGER_CODES} or fewer: codes)` };
  }
  if (allIntegers && !isTarget && distinct <= MAX_INTEGER_CLASSES && distinct > MAX_INTEGER_CODES) {
    return { type: 'number', why: `${distinct} distinct integers (over ${MAX_INTEGER_CODES}: a number)` };
  }
  return { type: 'number', why: 'numbers' };
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
    return numericType(name, s, distinct, isTarget);
  }
  const stray = strayText(name, s);
  if (stray) return stray;
  if (distinct === 2 && s.missing === 0) return { type: 'binary', why: 'two values' };
  if (!isTarget && allUnique) return { type: 'ignore', why: 'all values unique: an id or free text?' };
  const meanLength = s.textLength / s.present;
  if (!isTarget && s.present >= 20 && distinct > 0.5 * s.present) {
    return { type: 'ignore', why: meanLength > 30 ? 'free text' : 'mostly unique values' };
  }
  return { type: 'category', why: s.numeric > 0 ? 'text and numbers' : 'text' };
}

/**
 * A column of numbers broken by a few stray texts (`oops`, `#N/A`): at most MAX_STRAY_TEXTS
 * distinct texts in at most a third of the cells, the numbers being a quantity (not codes, where
 * a text is one more category). It is ignored, naming the first stray cell, until the user says
 * what those cells mean (`na_values=`).
 */
function strayText(name: string, s: ColumnSample): Inferred | null {
  if (!s.firstText || s.numeric < 2 * (s.present - s.numeric)) return null;
  const texts = [...s.distinct.keys()].filter((k) => Number.isNaN(parseNumber(k)));
  if (texts.length > MAX_STRAY_TEXTS) return null;
  const numbers = (s.overflow ? Infinity : s.distinct.size) - texts.length;
  if (numericType(name, s, numbers, false).type !== 'number') return null;
  return { type: 'ignore', why: `numbers, but '${s.firstText.cell}'`, stray: s.firstText };
}
