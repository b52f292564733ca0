/**
 * Tokens of the command language and the internal failure used to unwind the parser.
 * A syntax error is thrown as `ParseFailure` inside the parser only; `parseLine` turns it back
 * into a plain `SyntaxErrorInfo` value, so nothing outside src/lang ever sees an exception.
 */
type TokenKind = 'name' | 'number' | 'string' | 'punct' | 'end' | 'error';

export interface Token {
  readonly kind: TokenKind;
  /** Raw source text: the dotted name, the punctuation character, the number as typed. */
  readonly text: string;
  /** 0-based column of the first character, and one past the last. */
  readonly start: number;
  readonly end: number;
  /** Decoded number or string for `number` and `string` tokens. */
  readonly value?: number | string;
  /** True when a line break (not inside a string) was skipped before this token. */
  readonly newlineBefore: boolean;
  /** For `error` tokens: what is wrong, and whether more input could still fix it. */
  readonly message?: string;
  readonly incomplete?: boolean;
  /** For `error` tokens: the message is "unexpected character", so a parser hint may follow. */
  readonly unexpectedChar?: boolean;
}

/** A syntax error on its way out of the parser; `incomplete` marks "ran out of input". */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly column: number,
    readonly incomplete = false,
  ) {
    super(message);
  }
}

/** Shortens user text quoted inside an error message so a huge token cannot flood the screen. */
export function quoteSnippet(text: string, max = 24): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}
