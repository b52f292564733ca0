/**
 * Python 3 numeric literals, read the way Python's tokenizer reads them: `64`, `1_000`, `0.5`,
 * `.5`, `5.`, `1e-3`, `0x1F`, `0o17`, `0b101`. Underscores go only between digits; a non-zero
 * decimal integer may not start with 0 (`08`); anything with a dot or an exponent is a float.
 * Imaginary literals (`1j`) are recognised only to be refused. Signs are not part of a literal.
 *
 * Both the command language (src/lang) and Lambda expressions (src/lambda) read numbers here,
 * so they accept exactly the same literals; each words its own error messages from `problem`.
 */

const DIGITS = String.raw`\d(?:_?\d)*`;
const DECIMAL = String.raw`(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?`;
const NUMBER = new RegExp(String.raw`0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|${DECIMAL}`, 'y');
const IMAGINARY = new RegExp(String.raw`^${DECIMAL}[jJ]$`);
const MISSING_EXPONENT = /^[\d_.]*\d[\d_.]*[eE]$/;
const LEADING_ZEROS = /^0[0-9_]*[1-9][\d_]*$/;
const WORD_CHAR = /\w/;
/** What a mistyped number runs into: letters, digits, underscores and dots glued to it. */
const GLUED = /[\w.]*/y;

/** Why a literal was refused: `malformed` (`1__0`, `0x`, `1_`, `1.2.3`, `3x`), `exponent` (`1e`), … */
export type NumberProblem = 'malformed' | 'exponent' | 'complex' | 'leading-zeros' | 'too-large';

type PythonNumber =
  | { readonly ok: true; readonly value: number; readonly integer: boolean; readonly text: string; readonly end: number }
  | { readonly ok: false; readonly problem: NumberProblem; readonly text: string; readonly end: number };

/** True when a number literal starts at `pos`: a digit, or a dot before a digit. */
export function startsNumber(src: string, pos: number): boolean {
  const c = src.charAt(pos);
  return isDigit(c) || (c === '.' && isDigit(src.charAt(pos + 1)));
}

/**
 * Reads the literal starting at `pos` (where `startsNumber` holds). `text` is the literal as typed,
 * or on failure everything glued to it (`1__0`, `0b102`), and `end` is one past it.
 */
export function lexPythonNumber(src: string, pos: number): PythonNumber {
  NUMBER.lastIndex = pos;
  const match = NUMBER.exec(src);
  const end = pos + (match ? match[0].length : 0);
  const next = src.charAt(end);
  if (!match || WORD_CHAR.test(next) || (next === '.' && WORD_CHAR.test(src.charAt(end + 1)))) {
    GLUED.lastIndex = end;
    const glued = GLUED.exec(src);
    let badEnd = end + (glued ? glued[0].length : 0);
    const exponent = MISSING_EXPONENT.test(src.slice(pos, badEnd));
    // `1e+` and `1e-` stop short of digits as surely as `1e` does.
    if (exponent && (src.charAt(badEnd) === '+' || src.charAt(badEnd) === '-')) badEnd++;
    const text = src.slice(pos, badEnd);
    const problem: NumberProblem = exponent ? 'exponent' : IMAGINARY.test(text) ? 'complex' : 'malformed';
    return { ok: false, problem, text, end: badEnd };
  }
  const text = match[0];
  if (LEADING_ZEROS.test(text)) return { ok: false, problem: 'leading-zeros', text, end };
  const digits = text.includes('_') ? text.replace(/_/g, '') : text;
  const prefix = digits.slice(0, 2).toLowerCase();
  const base = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 10;
  const value = base === 10 ? Number(digits) : bigIntAsNumber(digits.slice(2), base);
  if (!Number.isFinite(value)) return { ok: false, problem: 'too-large', text, end };
  return { ok: true, value, integer: base !== 10 || !/[.eE]/.test(digits), text, end };
}

/** The literal without its leading zeros, for the `08` message: `use 8, or 0o for octal`. */
export function withoutLeadingZeros(text: string): string {
  return text.replace(/^[0_]+/, '');
}

function isDigit(c: string): boolean {
  return c.length === 1 && c >= '0' && c <= '9';
}

/** parseInt loses precision past 2^53 for every base; going through BigInt rounds once, like Python's float(int). */
function bigIntAsNumber(digits: string, base: 16 | 8 | 2): number {
  const significant = digits.replace(/^0+/, '') || '0';
  if (significant.length > 4096) return Infinity;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : '0b';
  return Number(BigInt(prefix + significant));
}
