/** Cell texts read as a missing value (pandas reads the same ones as NaN by default). */
const MISSING_MARKERS = new Set(['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '-']);

/** True when a cell holds no value: empty, or a conventional marker such as NA or ?. */
export function isMissing(cell: string): boolean {
  return cell.length === 0 || MISSING_MARKERS.has(cell.trim());
}

/**
 * The number in a cell, NaN when it is missing or not a number. Hex, `Infinity` and blanks that
 * JavaScript's Number() would accept are not numbers in a CSV.
 */
export function parseNumber(cell: string): number {
  if (cell.length === 0) return NaN;
  const v = +cell;
  if (v !== v || v === Infinity || v === -Infinity) return NaN;
  // +'  ' is 0 and +'0x1F' is 31: accept only what looks like a decimal number.
  if (v === 0 || cell.charCodeAt(1) === 120 || cell.charCodeAt(1) === 88) return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(cell) ? v : NaN;
  return v;
}
