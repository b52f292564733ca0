import { visible } from '../core/visible.js';
import { UserError } from '../core/user-error.js';

const SHOWN_SOURCE_LIMIT = 80;

/** The expression as shown inside messages: quoted, shortened when very long. */
function quoteSource(source: string): string {
  const shortened = source.length > SHOWN_SOURCE_LIMIT ? `${source.slice(0, SHOWN_SOURCE_LIMIT - 3)}...` : source;
  // Messages are one line: control characters show as escapes (\n, \x00), as everywhere else.
  return `'${visible(shortened)}'`;
}

/**
 * A one-line parse error: `Lambda expression 'x * ' is incomplete at column 5: expected ...`.
 * `problem` reads after the quoted expression; `detail` says what was expected.
 */
export function lambdaSyntaxError(
  source: string,
  column: number,
  problem: string,
  detail: string,
  hint?: string,
): UserError {
  return new UserError(
    `Lambda expression ${quoteSource(source)} ${problem} at column ${column}: ${detail}`,
    hint,
  );
}
