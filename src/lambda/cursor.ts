import type { UserError } from '../core/user-error.js';
import { lambdaSyntaxError } from './errors.js';
import type { LambdaExpr } from './ast.js';
import type { Token } from './tokens.js';

/** How deeply parentheses, calls and unary signs may nest; keeps recursion far from the stack limit. */
export const MAX_NESTING_DEPTH = 50;

/** Walks the token list for the parser and builds its error messages. */
export class Cursor {
  private position = 0;
  private depth = 0;
  /** Names the `lambda` header binds: its input (to x) and parameters with number defaults. */
  readonly bindings = new Map<string, LambdaExpr>();

  constructor(
    readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)]!; // the last token is always 'end'
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  isOp(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'op' && token.text === text;
  }

  acceptOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.position++;
    return true;
  }

  /** Consumes `text` or throws naming what was expected. */
  expectOp(text: string, expected: string): Token {
    if (!this.isOp(text)) throw this.unexpected(this.peek(), expected);
    return this.next();
  }

  /** "is incomplete" at the end, "has an unexpected 'tok'" elsewhere. */
  unexpected(token: Token, expected: string): UserError {
    const problem = token.kind === 'end' ? 'is incomplete' : `has an unexpected '${token.text}'`;
    return lambdaSyntaxError(this.source, token.column, problem, expected);
  }

  error(column: number, problem: string, detail: string, hint?: string): UserError {
    return lambdaSyntaxError(this.source, column, problem, detail, hint);
  }

  /** Runs a nested parse, refusing pathological nesting before it can exhaust the stack. */
  nested<T>(column: number, parse: () => T): T {
    if (++this.depth > MAX_NESTING_DEPTH) {
      throw this.error(column, 'nests too deeply', `at most ${MAX_NESTING_DEPTH} levels of brackets, calls and signs are allowed`);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }
}
