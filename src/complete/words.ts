/**
 * A command line's words at bracket depth 0: `set 2 activation='relu' units=(3, 3)` is
 * `set`, `2`, `activation='relu'`, `units=(3, 3)`. Spaces or commas separate words, except
 * around `=` (`units = 3` is one word, as the command parser reads it). Tolerant of anything.
 */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function isSeparator(c: string): boolean {
  return c === ' ' || c === '\t' || c === ',' || c === '\n' || c === '\r';
}

/** Does whitespace at `i` sit next to an `=` that joins a key and its value? */
function joinsAroundEquals(text: string, i: number): boolean {
  let before = i - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  let after = i;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const equalsAfter = text[after] === '=' && text[after + 1] !== '=';
  return text[before] === '=' || (equalsAfter && before >= 0 && /\w/.test(text[before]!));
}

/**
 * Splits `text` (the line up to the cursor); a word may run to the end unfinished. Linear: a run
 * of spaces and tabs has one answer to "next to an `=`?", asked once per run.
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  let depth = 0;
  let quote = '';
  let runEnd = -1;
  let runJoins = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    const blank = c === ' ' || c === '\t';
    if (blank && depth === 0 && i >= runEnd) {
      runJoins = joinsAroundEquals(text, i);
      runEnd = i;
      while (runEnd < text.length && (text[runEnd] === ' ' || text[runEnd] === '\t')) runEnd++;
    }
    const separates = depth === 0 && isSeparator(c) && !(c !== ',' && (blank ? runJoins : joinsAroundEquals(text, i)));
    if (separates) {
      if (start >= 0) words.push({ start, end: i, text: text.slice(start, i) });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
  }
  if (start >= 0) words.push({ start, end: text.length, text: text.slice(start) });
  return words;
}
