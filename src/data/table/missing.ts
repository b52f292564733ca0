/** Cell texts read as a missing value (pandas reads the same ones as NaN by default). */
const MISSING_MARKERS = new Set(['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '-']);

/** True when a cell holds no value: empty, or a conventional marker such as NA or ?. */
export function isMissing(cell: string): boolean {
  if (cell.length === 0) return true;
  // Every marker starts with N, n, ? or -; anything else is missing only if padded with blanks.
  const c = cell.charCodeAt(0);
  if (c !== 78 && c !== 110 && c !== 63 && c !== 45 && c > 32) return false;
  return MISSING_MARKERS.has(cell.trim());
}

/** 10^k for k ≤ 22: every one is exact in a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The number in a cell, NaN when it is missing or not a number. Only decimal notation counts:
 * `0x1F`, `0o17`, `0b101` (Python's float() refuses them too), `Infinity` and blank cells, which
 * JavaScript's Number() would accept, are not numbers in a CSV.
 *
 * Plain decimals (`-12.5`, at most 15 digits) take a fast path: the digits form an exact
 * integer and one division by an exact power of ten rounds once, so the result is the same
 * double Number() gives, several times faster (this runs once per numeric cell of a file).
 */
export function parseNumber(cell: string): number {
  const n = cell.length;
  let i = 0;
  let c = cell.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) i = 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; i < n; i++) {
    c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) decimals++;
    } else if (c === 46 && !dot) dot = true;
    else return parseOther(cell);
  }
  if (digits === 0 || digits > 15) return parseOther(cell);
  const v = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals]!;
  return negative ? -v : v;
}

/**
 * A decimal number as a CSV holds one: optional sign, digits with an optional point, an optional
 * exponent, and blanks around it (as Python's float() and pandas allow). No 0x/0o/0b prefixes,
 * no underscores, no `Infinity`.
 */
const DECIMAL_CELL = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Exponents, blanks around the number, long mantissas: Number(), once the text is known to be decimal. */
function parseOther(cell: string): number {
  // Number() alone would read '0x1F' as 31, '0b101' as 5 and '  ' as 0.
  if (!DECIMAL_CELL.test(cell)) return NaN;
  const v = +cell;
  return v === Infinity || v === -Infinity ? NaN : v;
}

/**
 * The missing test of a load: the conventional markers, plus the cell texts the user named with
 * `na_values=` (as pandas' read_csv takes them), compared trimmed.
 */
export function missingTest(naValues: readonly string[] = []): (cell: string) => boolean {
  if (naValues.length === 0) return isMissing;
  const extra = new Set(naValues.map((v) => v.trim()));
  return (cell) => isMissing(cell) || extra.has(cell.trim());
}
