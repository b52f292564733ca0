/**
 * The parser's cursor over the token stream: peeking, consuming, bracket tracking, and the one
 * place that turns "not what I expected" into a Python-style syntax error.
 */
import { lexAt } from './lexer.js';
import { ParseFailure, type Token } from './tokens.js';

/** Python stops at 200 nested parentheses; 100 keeps our recursion far from the JS stack limit. */
export const MAX_NESTING = 100;
const CLOSER_OF: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

interface OpenBracket {
  readonly char: string;
  readonly column: number;
}

export class Parser {
  private pos = 0;
  private lookahead: Token | undefined;
  private readonly open: OpenBracket[] = [];
  /**
   * On a command line, spaces separate arguments, so `say 'a' 'b'` is two strings; Python's
   * joining of adjacent strings applies only inside brackets there.
   */
  commandLine = false;
  /** End column of the last consumed token: where a value typed on a command line stops. */
  lastEnd = 0;

  constructor(readonly src: string) {}

  /** How many brackets are open at the cursor. */
  get depth(): number {
    return this.open.length;
  }

  /** Moves the cursor to a raw column (command lines read some words without the lexer). */
  seek(pos: number): void {
    this.pos = pos;
    this.lastEnd = pos;
    this.lookahead = undefined;
  }

  peek(): Token {
    this.lookahead ??= lexAt(this.src, this.pos);
    return this.lookahead;
  }

  next(): Token {
    const token = this.peek();
    this.pos = token.end;
    this.lastEnd = token.end;
    this.lookahead = undefined;
    return token;
  }

  /** The token right after `token`, without moving the cursor (to spot `key=` in calls). */
  peekAfter(token: Token): Token {
    return lexAt(this.src, token.end);
  }

  /** True when the next token is the punctuation `text`. */
  at(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  /** Consumes punctuation `text`, or fails with `expected`. */
  expect(text: string, expected: string): Token {
    if (!this.at(text)) this.fail(this.peek(), expected);
    return this.next();
  }

  /** Consumes an opening bracket and remembers it for "was never closed" messages. */
  openBracket(): Token {
    const token = this.next();
    if (this.open.length >= MAX_NESTING) {
      throw new ParseFailure(`too many nested brackets (more than ${MAX_NESTING})`, token.start);
    }
    this.open.push({ char: token.text, column: token.start });
    return token;
  }

  /** Consumes the closer matching the innermost open bracket, or fails with `expected`. */
  closeBracket(expected: string): Token {
    const innermost = this.open[this.open.length - 1]!; // callers open a bracket first
    const token = this.expect(CLOSER_OF[innermost.char]!, expected);
    this.open.pop();
    return token;
  }

  /** Throws the syntax error for finding `token` where `expected` was wanted. */
  fail(token: Token, expected: string): never {
    const innermost = this.open[this.open.length - 1];
    if (token.kind === 'error') {
      const message = token.unexpectedChar ? `${token.message}: ${expected}` : token.message!;
      throw new ParseFailure(message, token.start, token.incomplete === true);
    }
    if (token.kind === 'end' && innermost) {
      throw new ParseFailure(`'${innermost.char}' was never closed`, this.src.length, true);
    }
    if (token.kind === 'punct' && (token.text === ')' || token.text === ']')) {
      if (!innermost) throw new ParseFailure(`unmatched '${token.text}'`, token.start);
      if (CLOSER_OF[innermost.char] !== token.text) {
        throw new ParseFailure(
          `closing parenthesis '${token.text}' does not match opening parenthesis '${innermost.char}'`,
          token.start,
        );
      }
    }
    if (token.kind === 'punct' && (token.text === '*' || token.text === '?')) {
      throw new ParseFailure(`unexpected '${token.text}': ${expected}`, token.start);
    }
    throw new ParseFailure(expected, token.start);
  }
}
