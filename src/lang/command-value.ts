/**
 * One argument value on a command line. Besides Python values it accepts raw words, so that paths
 * and data-set names need no quotes: `data/iris.csv`, `builtin:iris`, `./x`, `../a-b.csv`,
 * `--flag` all become an Ident holding the text exactly as typed. Numbers stay numbers and a
 * name glued to `(` stays a call.
 */
import type { Value } from './ast.js';
import { parseValue } from './expr.js';
import { nameValue } from './names.js';
import type { Parser } from './parser.js';

const RAW_WORD = /[\p{L}\p{N}\p{M}_./:~+-]+/uy;
const DOTTED_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const NUMBER_START = /^[+-]?\.?\d/;

/** Parses the value starting exactly at `pos`; returns it with the column just after it. */
export function parseCommandValue(p: Parser, pos: number, expected: string): { value: Value; end: number } {
  RAW_WORD.lastIndex = pos;
  const word = RAW_WORD.exec(p.src)?.[0] ?? '';
  const end = pos + word.length;
  if (word !== '' && p.src[end] !== '(') {
    if (DOTTED_NAME.test(word)) {
      // Not through the expression parser: there `input (28, 28)` would become a call.
      const token = { kind: 'name' as const, text: word, start: pos, end, newlineBefore: false };
      return { value: nameValue(token), end };
    }
    if (isRawWord(word)) return { value: { kind: 'ident', name: word }, end };
  }
  p.seek(pos);
  const value = parseValue(p, expected);
  return { value, end: p.lastEnd };
}

function isRawWord(word: string): boolean {
  if (/[/:~]|[^\x00-\x7f]/.test(word)) return true;
  return !NUMBER_START.test(word) && /[.+-]/.test(word);
}
