/**
 * The text being typed and the cursor in it, with the readline/emacs edits every shell knows.
 * Pure functions over an immutable value, so each key is tested without a terminal.
 */
export interface Line {
  readonly text: string;
  /** Index into text, 0..text.length. */
  readonly cursor: number;
}

export const EMPTY_LINE: Line = { text: '', cursor: 0 };

export const lineOf = (text: string, cursor = text.length): Line => ({ text, cursor: Math.max(0, Math.min(cursor, text.length)) });

export function insert(line: Line, chars: string): Line {
  const { text, cursor } = line;
  return { text: text.slice(0, cursor) + chars + text.slice(cursor), cursor: cursor + chars.length };
}

export function backspace(line: Line): Line {
  if (line.cursor === 0) return line;
  return { text: line.text.slice(0, line.cursor - 1) + line.text.slice(line.cursor), cursor: line.cursor - 1 };
}

export function deleteForward(line: Line): Line {
  if (line.cursor >= line.text.length) return line;
  return { text: line.text.slice(0, line.cursor) + line.text.slice(line.cursor + 1), cursor: line.cursor };
}

export const left = (line: Line): Line => lineOf(line.text, line.cursor - 1);
export const right = (line: Line): Line => lineOf(line.text, line.cursor + 1);
export const home = (line: Line): Line => lineOf(line.text, 0);
export const end = (line: Line): Line => lineOf(line.text);

/** Ctrl-U: everything before the cursor goes. */
export const killToStart = (line: Line): Line => ({ text: line.text.slice(line.cursor), cursor: 0 });
/** Ctrl-K: everything from the cursor on goes. */
export const killToEnd = (line: Line): Line => ({ text: line.text.slice(0, line.cursor), cursor: line.cursor });

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** Where Alt-← lands: the start of the word before the cursor (skipping punctuation first). */
export function wordStartBefore(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && !isWordChar(text[i - 1])) i -= 1;
  while (i > 0 && isWordChar(text[i - 1])) i -= 1;
  return i;
}

/** Where Alt-→ lands: the end of the word after the cursor. */
export function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && !isWordChar(text[i])) i += 1;
  while (i < text.length && isWordChar(text[i])) i += 1;
  return i;
}

export const wordLeft = (line: Line): Line => lineOf(line.text, wordStartBefore(line.text, line.cursor));
export const wordRight = (line: Line): Line => lineOf(line.text, wordEndAfter(line.text, line.cursor));

/** Ctrl-W: the whitespace-delimited word before the cursor goes, as in bash and readline. */
export function killWordBack(line: Line): Line {
  let i = line.cursor;
  while (i > 0 && /\s/.test(line.text[i - 1]!)) i -= 1;
  while (i > 0 && !/\s/.test(line.text[i - 1]!)) i -= 1;
  return { text: line.text.slice(0, i) + line.text.slice(line.cursor), cursor: i };
}
