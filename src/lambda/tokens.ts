import { lambdaSyntaxError } from './errors.js';

/** One token of a Lambda expression; `column` is 1-based. */
export interface Token {
  readonly kind: 'number' | 'name' | 'op' | 'end';
  readonly text: string;
  readonly column: number;
}

// Longest first, so `**` wins over `*` and `...` over `.`.
const OPERATORS = [
  '...', '**', '<=', '>=', '==', '!=', '//',
  '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', ',', ':', '.', '@',
];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
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
    const rest = source.slice(i);
    const number = NUMBER.exec(rest);
    if (number) {
      const after = rest[number[0].length];
      // `1e`, `1.2.3` and `3x` are typos, not two tokens.
      if (after !== undefined && /[A-Za-z0-9_.]/.test(after) && !rest.startsWith('...', number[0].length)) {
        throw lambdaSyntaxError(source, i + 1, `has a malformed number '${rest.match(/^[A-Za-z0-9_.+-]+/)?.[0] ?? number[0]}'`, 'expected digits like 3, 0.5 or 1e-3');
      }
      tokens.push({ kind: 'number', text: number[0], column: i + 1 });
      i += number[0].length;
      continue;
    }
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
