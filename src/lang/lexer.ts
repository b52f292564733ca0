/**
 * The tokenizer. It is pull-based (`lexAt(src, pos)` returns the next token after `pos`) because
 * command lines switch lexing rules mid-line: `load data/iris.csv` reads a raw path word where a
 * Python expression would see `data / iris . csv`.
 */
import { startsNumber } from '../core/python-number.js';
import { lexNumber } from './lex-number.js';
import { lexString } from './lex-string.js';
import { type Token } from './tokens.js';

/** A dotted Python name; a dot must be followed by a name to belong to it (`a.b`, not `a.`). */
const DOTTED_NAME = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/y;
const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', '=', '?', '+', '-', '*', '/', '%', ':']);
/** Whitespace we skip; no-break spaces and a BOM often ride along with pasted code. */
const SPACE = new Set([' ', '\t', '\f', '\v', '\r', '\n', '\u00a0', '\ufeff']);
const STRING_PREFIXES = new Set(['r', 'u']);

/** Skips whitespace, comments and backslash-newline continuations; reports a skipped line break. */
export function skipSpace(src: string, pos: number): { pos: number; newline: boolean } {
  let newline = false;
  while (pos < src.length) {
    const c = src[pos]!;
    if (SPACE.has(c)) {
      if (c === '\n') newline = true;
      pos++;
    } else if (c === '#') {
      while (pos < src.length && src[pos] !== '\n') pos++;
    } else if (c === '\\' && (src[pos + 1] === '\n' || (src[pos + 1] === '\r' && src[pos + 2] === '\n'))) {
      pos += src[pos + 1] === '\n' ? 2 : 3;
    } else {
      break;
    }
  }
  return { pos, newline };
}

/** Returns the token that starts at or after `from`. Never throws: problems become `error` tokens. */
export function lexAt(src: string, from: number): Token {
  const { pos, newline } = skipSpace(src, from);
  if (pos >= src.length) return { kind: 'end', text: '', start: pos, end: pos, newlineBefore: newline };
  const c = src[pos]!;
  if (c === '"' || c === "'") return stringToken(src, pos, pos, false, newline);
  if (startsNumber(src, pos)) {
    const num = lexNumber(src, pos);
    const text = src.slice(pos, num.end);
    if (num.ok) return { kind: 'number', text, start: pos, end: num.end, value: num.value, newlineBefore: newline };
    return { kind: 'error', text, start: pos, end: num.end, message: num.message, newlineBefore: newline };
  }
  DOTTED_NAME.lastIndex = pos;
  const name = DOTTED_NAME.exec(src);
  if (name) {
    const end = pos + name[0].length;
    const after = src.charAt(end);
    if (after === '"' || after === "'") return prefixedString(src, pos, end, name[0], newline);
    return { kind: 'name', text: name[0], start: pos, end, newlineBefore: newline };
  }
  if (PUNCT.has(c)) return { kind: 'punct', text: c, start: pos, end: pos + 1, newlineBefore: newline };
  return unexpectedCharacter(src, pos, newline);
}

function prefixedString(src: string, start: number, quoteAt: number, prefix: string, newline: boolean): Token {
  const lower = prefix.toLowerCase();
  if (STRING_PREFIXES.has(lower)) return stringToken(src, start, quoteAt, lower === 'r', newline);
  const kind = lower.includes('f') ? 'f-strings' : lower.includes('b') ? 'bytes literals' : '';
  if (kind === '') return { kind: 'name', text: prefix, start, end: quoteAt, newlineBefore: newline };
  return {
    kind: 'error', text: prefix, start, end: quoteAt, newlineBefore: newline,
    message: `${kind} are not supported; use a plain string such as '...'`,
  };
}

function stringToken(src: string, start: number, quoteAt: number, raw: boolean, newline: boolean): Token {
  const lexed = lexString(src, quoteAt, raw);
  if (lexed.ok) {
    return { kind: 'string', text: src.slice(start, lexed.end), start, end: lexed.end, value: lexed.value, newlineBefore: newline };
  }
  return {
    kind: 'error', text: src.slice(start, quoteAt + 1), start: lexed.column, end: lexed.column + 1,
    newlineBefore: newline, message: lexed.message, incomplete: lexed.incomplete,
  };
}

function unexpectedCharacter(src: string, pos: number, newline: boolean): Token {
  const code = src.codePointAt(pos)!;
  const char = String.fromCodePoint(code);
  const error = (message: string, incomplete = false, unexpectedChar = false): Token => ({
    kind: 'error', text: char, start: pos, end: pos + char.length, newlineBefore: newline, message, incomplete, unexpectedChar,
  });
  if (char === '\\') {
    const atEnd = pos + 1 >= src.length;
    return atEnd
      ? error('unexpected end of text after line continuation character', true)
      : error('unexpected character after line continuation character');
  }
  if (char === '.' && /\w/.test(src.charAt(pos - 1))) return error("expected a name after '.'");
  const shown = code < 0x20 || (code >= 0x7f && code <= 0xa0) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
  return error(`unexpected character ${shown}`, false, true);
}
