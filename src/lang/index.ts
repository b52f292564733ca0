/**
 * The klayers command language: one typed or scripted line in, plain values out.
 * Never evaluates anything; never throws.
 */
import type { ParseResult } from './ast.js';
import { parseLogical } from './line.js';
import { ParseFailure } from './tokens.js';

export { formatValue } from './format-value.js';
export { formatSyntaxError } from './format-error.js';
export { MAX_NESTING } from './parser.js';
export type { Value } from './ast.js';

type Outcome = ParseResult & { readonly incomplete?: boolean };

function parse(input: string): Outcome {
  const text = typeof input === 'string' ? input : String(input);
  try {
    return { ok: true, line: parseLogical(text) };
  } catch (err) {
    if (err instanceof ParseFailure) {
      const column = Math.max(0, Math.min(err.column, text.length));
      return { ok: false, error: { message: err.message, column }, incomplete: err.incomplete };
    }
    // Only a bug (or an exhausted stack) lands here; the REPL must still get a value, not a crash.
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `internal parser error: ${reason}`, column: 0 } };
  }
}

/**
 * Parses one logical line: a command (`summary style=keras2`), a Keras expression
 * (`model.add(Dense(8))`), an assignment, an import, or nothing. Never throws, for any string.
 */
export function parseLine(text: string): ParseResult {
  const outcome = parse(text);
  return outcome.ok ? outcome : { ok: false, error: outcome.error };
}

/**
 * True when `text` ends inside an unclosed `(`, `[` or string, or after a trailing `\`: the
 * reader should append a line break and the next line, then parse the whole as one line.
 */
export function isIncomplete(text: string): boolean {
  const outcome = parse(text);
  return !outcome.ok && outcome.incomplete === true;
}
