import { isIncomplete } from '../lang/index.js';

/** One command as read from a script: possibly several physical lines joined (unclosed brackets). */
export interface ScriptLine {
  readonly text: string;
  /** 1-based number of its first physical line. */
  readonly lineNo: number;
  /** Set when the command could not be read (it never ends): the message to show instead of running it. */
  readonly problem?: string;
}

/**
 * A command may continue over at most this many physical lines, or characters: far more than a
 * Keras script needs, and it keeps the joining (which re-reads the command at each line) bounded.
 */
export const MAX_CONTINUED_LINES = 500;
const COMPOUND = /^(for|while|if|def|class|with|try|async|@)\b|^@/;
const MAX_CONTINUED_CHARS = 50_000;

/** The outermost bracket still open at the end of `text` and its 1-based line there, or null. */
function outermostOpen(text: string): { readonly char: string; readonly line: number } | null {
  const open: number[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#') while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    else if (c === '(' || c === '[' || c === '{') open.push(i);
    else if ((c === ')' || c === ']' || c === '}') && open.length > 0) open.pop();
  }
  if (open.length === 0) return null;
  let line = 1;
  for (let i = 0; i < open[0]!; i++) if (text[i] === '\n') line++;
  return { char: text[open[0]!]!, line };
}

/**
 * Python's rule: a statement goes on while a bracket is open, even where klayers cannot read
 * what is inside (`"{}".format(`, a comprehension). Text with a triple-quoted string is left to
 * the parser, which reads those.
 */
function openBracket(text: string): boolean {
  return !text.includes('"""') && !text.includes("'''") && outermostOpen(text) !== null;
}

function neverEnds(text: string, lineNo: number): ScriptLine {
  const bracket = outermostOpen(text);
  const what = bracket === null ? `The command starting on line ${lineNo}` : `'${bracket.char}' opened on line ${lineNo + bracket.line - 1}`;
  const problem = `${what} is still open after ${MAX_CONTINUED_LINES} lines or ${MAX_CONTINUED_CHARS.toLocaleString('en-US')} characters; close it (the rest of the script is not run).`;
  return { text, lineNo, problem };
}

/**
 * Splits a script into commands, joining lines while a bracket or string is open, as Python
 * continues a statement. Blank and comment-only lines are kept out. A command still open after
 * MAX_CONTINUED_LINES lines (or MAX_CONTINUED_CHARS) ends the split with a `problem`.
 */
export function splitLogicalLines(source: string): ScriptLine[] {
  const physical = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: ScriptLine[] = [];
  let joined: string | null = null;
  let count = 0;
  let start = 0;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    if (joined === null) {
      if (/^\s*(#.*)?$/.test(line)) continue;
      start = i + 1;
      joined = line;
      count = 1;
    } else {
      joined += `\n${line}`;
      count += 1;
    }
    if (!isIncomplete(joined) && !openBracket(joined)) {
      // A Python block (`for ...:`, `def f():`) takes its indented body along: one noted command.
      if (COMPOUND.test(joined)) {
        while (i + 1 < physical.length && /^(\s|$)|^(elif|else|except|finally)\b/.test(physical[i + 1]!) && joined.length < MAX_CONTINUED_CHARS) joined += `\n${physical[++i]!}`;
        joined = joined.replace(/\s+$/, '');
      }
      out.push({ text: joined, lineNo: start });
      joined = null;
    } else if (count >= MAX_CONTINUED_LINES || joined.length >= MAX_CONTINUED_CHARS) {
      if (i + 1 < physical.length) {
        out.push(neverEnds(joined, start));
        return out;
      }
    }
  }
  if (joined !== null) out.push({ text: joined, lineNo: start });
  return out;
}
