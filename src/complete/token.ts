import type { Scan } from './scan.js';

/** The word being completed: a string still open at the cursor, or the name characters before it. */
export interface Token {
  readonly start: number;
  readonly text: string;
  /** A closing quote already sits at the cursor (`'re|'`), so candidates must not add one. */
  readonly closed: boolean;
}

/** The token ending at the cursor (possibly empty). */
export function tokenAt(line: string, cursor: number, scan: Scan): Token {
  if (scan.string) {
    return { start: scan.string.start, text: line.slice(scan.string.start, cursor), closed: line[cursor] === scan.string.quote };
  }
  let start = cursor;
  while (start > 0 && /[\w.~/]/.test(line[start - 1]!)) start--;
  return { start, text: line.slice(start, cursor), closed: false };
}

/** A name-like token: empty or a dotted identifier prefix (`act`, `layers.De`). */
export function isNameToken(text: string): boolean {
  return /^([A-Za-z_][\w.]*)?$/.test(text);
}

/** A plain word: a name, a number or a layer name (`2`, `dense_1`, `keras3`). */
export function isWordToken(text: string): boolean {
  return /^[\w.]*$/.test(text);
}
