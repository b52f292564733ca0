/**
 * Command lines: a first word, then arguments separated by spaces and/or commas, each a value or
 * `key=value`. `summary style=keras2`, `insert 2 Dense(8)`, `load data/iris.csv target=species`.
 *
 * A keyword value followed by `,` and another value with no space between becomes a Tuple:
 * `target=a,b` is `('a', 'b')` as Idents, `kernel_size=3,3` is `(3, 3)`. With a space after the
 * comma (`units=8, relu`) the comma only separates arguments.
 */
import type { Line, Value } from './ast.js';
import { parseCommandValue } from './command-value.js';
import { defineKwarg } from './expr.js';
import { skipSpace } from './lexer.js';
import type { Parser } from './parser.js';
import { ParseFailure } from './tokens.js';

const KEYWORD = /([A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*/y;

/** Parses the arguments after the command word, which ends at column `pos`. */
export function parseCommandArgs(p: Parser, name: string, pos: number): Line {
  const src = p.src;
  p.commandLine = true;
  const args: Value[] = [];
  const kwargs: Record<string, Value> = {};
  for (;;) {
    const gap = scanSeparators(src, pos);
    pos = gap.pos;
    if (pos >= src.length) break;
    if (gap.newline) throw new ParseFailure('expected end of line: put one command per line', pos);
    if (gap.secondComma >= 0) throw new ParseFailure('expected an argument before this comma', gap.secondComma);
    if (!gap.consumed) throw new ParseFailure(unseparated(src[pos]!), pos);
    KEYWORD.lastIndex = pos;
    const keyword = KEYWORD.exec(src);
    if (keyword) {
      const key = keyword[1]!;
      if (Object.hasOwn(kwargs, key)) throw new ParseFailure(`keyword argument repeated: ${key}`, pos);
      const parsed = parseKeywordValue(p, key, pos + keyword[0].length);
      defineKwarg(kwargs, key, parsed.value);
      pos = parsed.end;
    } else {
      const parsed = parseCommandValue(p, pos, 'expected an argument');
      args.push(parsed.value);
      pos = parsed.end;
    }
  }
  return { kind: 'command', name, args, kwargs };
}

function unseparated(char: string): string {
  if (char === ')' || char === ']') return `unmatched '${char}'`;
  return "expected a space or ',' between arguments";
}

function parseKeywordValue(p: Parser, key: string, pos: number): { value: Value; end: number } {
  const expected = `expected a value after '${key}='`;
  const c = p.src.charAt(pos);
  if (c === '' || c === ',' || c === '#' || c === '\n' || c === '\r') throw new ParseFailure(expected, pos);
  const first = parseCommandValue(p, pos, expected);
  const items = [first.value];
  let end = first.end;
  while (p.src[end] === ',' && startsGluedValue(p.src, end + 1)) {
    const more = parseCommandValue(p, end + 1, expected);
    items.push(more.value);
    end = more.end;
  }
  return { value: items.length > 1 ? { kind: 'tuple', items } : first.value, end };
}

/** After `a,`: does another tuple item follow right away (not a space, comma or `key=`)? */
function startsGluedValue(src: string, pos: number): boolean {
  const c = src.charAt(pos);
  if (c === '' || /[\s,#)\]]/.test(c)) return false;
  KEYWORD.lastIndex = pos;
  return !KEYWORD.test(src);
}

interface Gap {
  pos: number;
  consumed: boolean;
  newline: boolean;
  /** Column of a comma that follows another comma with nothing between, or -1. */
  secondComma: number;
}

function scanSeparators(src: string, pos: number): Gap {
  const gap: Gap = { pos, consumed: false, newline: false, secondComma: -1 };
  let comma = false;
  for (;;) {
    const skipped = skipSpace(src, gap.pos);
    gap.consumed ||= skipped.pos > gap.pos;
    gap.newline ||= skipped.newline;
    gap.pos = skipped.pos;
    if (src[gap.pos] !== ',') return gap;
    if (comma) {
      gap.secondComma = gap.pos;
      return gap;
    }
    comma = true;
    gap.consumed = true;
    gap.pos++;
  }
}
