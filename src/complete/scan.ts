/**
 * A tolerant scanner for the text before the cursor. Completion runs on half-typed lines
 * (`Dense(64, activation='re`), which the parser rightly refuses, so this walks the characters
 * once and keeps only what completion needs: the brackets still open, the arguments each has
 * already been given, and whether the cursor sits in a string or a comment. It never throws.
 */

/** A bracket still open at the cursor. */
export interface Frame {
  readonly open: '(' | '[' | '{';
  /** Index of the bracket in the line. */
  readonly at: number;
  /** Dotted name glued before a `(` (`Dense`, `keras.layers.Conv2D`, `model.add`), else null. */
  readonly callee: string | null;
  /** Arguments finished before the current one. */
  positional: number;
  readonly keywords: string[];
  /** Where the current argument starts (after the bracket or the last comma). */
  argStart: number;
}

export interface Scan {
  /** Open brackets, outermost first. */
  readonly frames: readonly Frame[];
  /** The string the cursor is inside: its quote and where it starts. */
  readonly string: { readonly quote: string; readonly start: number } | null;
  readonly inComment: boolean;
}

const KEYWORD_ARG = /^\s*([A-Za-z_]\w*)\s*=(?!=)/;

/** `Dense` in `x = Dense(`: the dotted name ending right before index `end` (spaces allowed). */
function calleeBefore(text: string, end: number): string | null {
  let j = end - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  const nameEnd = j + 1;
  while (j >= 0 && /[\w.]/.test(text[j]!)) j--;
  const name = text.slice(j + 1, nameEnd);
  return /^[A-Za-z_][\w.]*$/.test(name) ? name : null;
}

/** The keyword of an argument's text (`activation` in ` activation='relu'`), or null. */
export function keywordOf(argText: string): string | null {
  return KEYWORD_ARG.exec(argText)?.[1] ?? null;
}

function finishArg(frame: Frame, text: string, end: number): void {
  const arg = text.slice(frame.argStart, end);
  const key = keywordOf(arg);
  if (key !== null) frame.keywords.push(key);
  else if (arg.trim() !== '') frame.positional++;
  frame.argStart = end + 1;
}

/** Scans `line.slice(0, cursor)`. */
export function scanBefore(line: string, cursor: number): Scan {
  const text = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const frames: Frame[] = [];
  let string: { quote: string; start: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (string) {
      if (c === '\\') i++;
      else if (c === string.quote) string = null;
      continue;
    }
    if (c === '#') return { frames, string: null, inComment: true };
    if (c === "'" || c === '"') string = { quote: c, start: i };
    else if (c === '(' || c === '[' || c === '{') {
      frames.push({ open: c, at: i, callee: c === '(' ? calleeBefore(text, i) : null, positional: 0, keywords: [], argStart: i + 1 });
    } else if (c === ')' || c === ']' || c === '}') frames.pop();
    else if (c === ',' && frames.length > 0) finishArg(frames[frames.length - 1]!, text, i);
  }
  return { frames, string, inComment: false };
}
