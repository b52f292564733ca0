/**
 * A Python `lambda x: x / 255.0` written where a value goes (Keras's `Lambda(lambda x: ...)`).
 * It is read as its source text, the same string `Lambda('lambda x: ...')` takes, so the
 * Lambda expression language parses it later; nothing is evaluated.
 */
import type { Parser } from './parser.js';
import { ParseFailure } from './tokens.js';

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Index of the first `stops` character at bracket depth 0 outside strings from `pos`, or the end. */
function scanTo(src: string, pos: number, stops: ReadonlySet<string>): number {
  let depth = 0;
  let quote = '';
  for (let i = pos; i < src.length; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && stops.has(c)) return i;
  }
  return src.length;
}

/** Reads `lambda PARAMS: BODY` at the cursor; returns its text and leaves the cursor after it. */
export function parsePythonLambda(p: Parser): string {
  const start = p.peek().start;
  const colon = scanTo(p.src, start, new Set([':']));
  if (p.src[colon] !== ':') throw new ParseFailure("expected ':' after the lambda's parameters", colon);
  const end = scanTo(p.src, colon + 1, new Set([',']));
  const text = p.src.slice(start, end).replace(/\s+/g, ' ').trim();
  if (text.slice(text.indexOf(':') + 1).trim() === '') throw new ParseFailure("expected an expression after 'lambda ...:'", end);
  p.seek(end);
  return text;
}
