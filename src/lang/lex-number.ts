/**
 * Python number literals in the command language, read by the shared Python-number lexer
 * (src/core/python-number.ts) and worded as Python words its own syntax errors.
 * Signs are not part of the literal; the parser applies unary `+`/`-`.
 */
import { lexPythonNumber, withoutLeadingZeros, type NumberProblem } from '../core/python-number.js';
import { quoteSnippet } from './tokens.js';

type NumberLex =
  | { readonly ok: true; readonly value: number; readonly end: number }
  | { readonly ok: false; readonly message: string; readonly end: number };

/** Reads the number starting at `pos` (which must be a digit, or a dot before a digit). */
export function lexNumber(src: string, pos: number): NumberLex {
  const lexed = lexPythonNumber(src, pos);
  if (lexed.ok) return { ok: true, value: lexed.value, end: lexed.end };
  return { ok: false, end: lexed.end, message: numberMessage(lexed.problem, lexed.text) };
}

function numberMessage(problem: NumberProblem, text: string): string {
  const shown = quoteSnippet(text);
  switch (problem) {
    case 'exponent':
      return `invalid number '${shown}': expected digits after the exponent, as in 1e-3`;
    case 'complex':
      return `complex numbers are not supported: '${shown}'`;
    case 'leading-zeros':
      return `leading zeros in decimal integer literals are not permitted: '${shown}' (use ${withoutLeadingZeros(text)}, or 0o for octal)`;
    case 'too-large':
      return `number too large: '${shown}'`;
    case 'malformed':
      return `invalid number '${shown}'`;
  }
}
