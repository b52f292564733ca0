import { isMissing, parseNumber } from '../table/missing.js';

/**
 * Whether the first of these rows is a header. A column whose first cell is not a number while
 * the cells below are numbers votes for a header; a numeric first cell over numbers votes
 * against. With only text columns, a first row whose cells are all distinct and never appear again
 * in their column reads as a header.
 */
export function looksLikeHeader(rows: readonly (readonly string[])[]): boolean {
  const [first, ...below] = rows;
  if (!first || below.length === 0) return first !== undefined && first.every((c) => c.length > 0 && Number.isNaN(parseNumber(c)));
  let votes = 0;
  first.forEach((cell, j) => {
    const values = below.map((r) => r[j] ?? '').filter((c) => !isMissing(c));
    if (values.length === 0) return;
    const numericBelow = values.every((c) => !Number.isNaN(parseNumber(c)));
    if (numericBelow) votes += Number.isNaN(parseNumber(cell)) ? 1 : -1;
  });
  if (votes !== 0) return votes > 0;
  const distinct = new Set(first).size === first.length;
  const fresh = first.every((cell, j) => cell.length > 0 && !below.some((r) => r[j] === cell));
  return distinct && fresh && first.every((c) => Number.isNaN(parseNumber(c)));
}

/** `column_1`, `column_2`, … for a file without a header. */
export function generatedNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column_${i + 1}`);
}

/** Header cells made usable as names: blanks get `column_N`, repeats get `_2`, `_3`. */
export function cleanHeader(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    const name = raw.trim() || `column_${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}
