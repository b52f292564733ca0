import { lexPythonNumber, startsNumber, withoutLeadingZeros, type NumberProblem } from '../core/python-number.js';
import type { UserError } from '../core/user-error.js';
import { lambdaSyntaxError } from './errors.js';

/** One token of a Lambda expression; `column` is 1-based. */
export interface Token {
  readonly kind: 'number' | 'name' | 'op' | 'end';
  readonly text: string;
  readonly column: number;
  /** For numbers: the value, and whether the literal is a Python int (`3`, `0x1F`; not `3.0` or `1e3`). */
  readonly value?: number;
  readonly integer?: boolean;
}

// Longest first, so `**` wins over `*` and `...` over `.`.
const OPERATORS = [
  '...', '**', '<=', '>=', '==', '!=', '//',
  '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', ',', ':', '.', '@',
];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits an expression into tokens, ending with an `end` token. Throws UserError. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (startsNumber(source, i)) {
      // Python's literals, read as src/lang reads them; `1e`, `1.2.3` and `3x` are typos, not two tokens.
      const number = lexPythonNumber(source, i);
      if (!number.ok) throw numberError(source, i + 1, number.problem, number.text);
      tokens.push({ kind: 'number', text: number.text, column: i + 1, value: number.value, integer: number.integer });
      i = number.end;
      continue;
    }
    const rest = source.slice(i);
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], column: i + 1 });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op === undefined) {
      const shown = JSON.stringify(ch).slice(1, -1);
      throw lambdaSyntaxError(source, i + 1, `has an unexpected character '${shown}'`, 'expected numbers, x, operators + - * / ** < > == and function calls');
    }
    tokens.push({ kind: 'op', text: op, column: i + 1 });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}

function numberError(source: string, column: number, problem: NumberProblem, text: string): UserError {
  const shown = text.length > 24 ? `${text.slice(0, 24)}...` : text;
  switch (problem) {
    case 'too-large':
      return lambdaSyntaxError(source, column, `has the number ${shown}`, 'numbers must be finite');
    case 'complex':
      return lambdaSyntaxError(source, column, `has a complex number '${shown}'`, 'complex numbers are not supported');
    case 'exponent':
      return lambdaSyntaxError(source, column, `has a malformed number '${shown}'`, 'expected digits after the exponent, as in 1e-3');
    case 'leading-zeros':
      return lambdaSyntaxError(
        source, column, `has a malformed number '${shown}'`,
        `leading zeros in decimal integer literals are not permitted (use ${withoutLeadingZeros(text)}, or 0o for octal)`,
      );
    case 'malformed':
      return lambdaSyntaxError(source, column, `has a malformed number '${shown}'`, 'expected a number such as 3, 0.5, 1e-3, 1_000 or 0x1F');
  }
}
