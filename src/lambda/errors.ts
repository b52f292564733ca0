import { UserError } from '../core/user-error.js';

const SHOWN_SOURCE_LIMIT = 80;

/** The expression as shown inside messages: quoted, shortened when very long. */
function quoteSource(source: string): string {
  const shortened = source.length > SHOWN_SOURCE_LIMIT ? `${source.slice(0, SHOWN_SOURCE_LIMIT - 3)}...` : source;
  // Messages are one line: control characters show as escapes (\n, \u0000).
  const shown = shortened.replace(/[\u0000-\u001f\u007f]/g, (ch) => JSON.stringify(ch).slice(1, -1));
  return `'${shown}'`;
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
