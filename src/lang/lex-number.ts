/**
 * Python number literals: `64`, `1_000`, `0.5`, `.5`, `1.`, `1e-3`, `0x1F`, `0o17`, `0b101`.
 * Signs are not part of the literal; the parser applies unary `+`/`-`.
 */
import { quoteSnippet } from './tokens.js';

const NUMBER =
  /0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?/y;
const WORD_CHAR = /\w/;
/** What a mistyped number runs into: letters, digits, underscores and dots glued to it. */
const GLUED = /[\w.]*/y;

export type NumberLex =
  | { readonly ok: true; readonly value: number; readonly end: number }
  | { readonly ok: false; readonly message: string; readonly end: number };

/** Reads the number starting at `pos` (which must be a digit, or a dot before a digit). */
export function lexNumber(src: string, pos: number): NumberLex {
  NUMBER.lastIndex = pos;
  const match = NUMBER.exec(src);
  const end = pos + (match ? match[0].length : 0);
  const next = src.charAt(end);
  if (!match || WORD_CHAR.test(next) || (next === '.' && WORD_CHAR.test(src.charAt(end + 1)))) {
    GLUED.lastIndex = end;
    const glued = GLUED.exec(src);
    const badEnd = end + (glued ? glued[0].length : 0);
    const text = src.slice(pos, badEnd);
    if (/^[\d.]+[eE][+-]?\d*$/.test(text) || /^[\d.]*\d[jJ]$/.test(text)) {
      return { ok: false, end: badEnd, message: numberHint(text) };
    }
    return { ok: false, end: badEnd, message: `invalid number '${quoteSnippet(text)}'` };
  }
  const text = match[0];
  if (text.length > 1 && text[0] === '0' && /^0[0-9_]*[1-9][\d_]*$/.test(text)) {
    return {
      ok: false,
      end,
      message: `leading zeros in decimal integer literals are not permitted: '${quoteSnippet(text)}' (use ${text.replace(/^[0_]+/, '')}, or 0o for octal)`,
    };
  }
  const value = decode(text.includes('_') ? text.replace(/_/g, '') : text);
  if (!Number.isFinite(value)) {
    return { ok: false, end, message: `number too large: '${quoteSnippet(text)}'` };
  }
  return { ok: true, value, end };
}

function numberHint(text: string): string {
  if (/[jJ]$/.test(text)) return `complex numbers are not supported: '${quoteSnippet(text)}'`;
  return `invalid number '${quoteSnippet(text)}': expected digits after the exponent, as in 1e-3`;
}

function decode(digits: string): number {
  const prefix = digits.slice(0, 2).toLowerCase();
  if (prefix === '0x') return parseBigIntAsNumber(digits.slice(2), 16);
  if (prefix === '0o') return parseBigIntAsNumber(digits.slice(2), 8);
  if (prefix === '0b') return parseBigIntAsNumber(digits.slice(2), 2);
  return Number(digits);
}

/** parseInt loses precision past 2^53 for every base; going through BigInt rounds once, like Python's float(int). */
function parseBigIntAsNumber(digits: string, base: 16 | 8 | 2): number {
  const significant = digits.replace(/^0+/, '') || '0';
  if (significant.length > 4096) return Infinity;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : '0b';
  return Number(BigInt(prefix + significant));
}
