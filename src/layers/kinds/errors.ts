import { distance } from 'fastest-levenshtein';
import type { Value } from '../../lang/ast.js';
import { LayerError } from '../types.js';
import { pyRepr } from './python-repr.js';

/** Which layer and argument a value belongs to, so every message can name both. */
export interface ArgContext {
  readonly layer: string;
  readonly arg: string;
}

/**
 * The standard one-line complaint, Keras style:
 * "Dense: `units` must be an integer. Received: units=2.5".
 */
export function invalidArg(ctx: ArgContext, expected: string, value: Value, hint?: string): LayerError {
  return new LayerError(`${ctx.layer}: \`${ctx.arg}\` must be ${expected}. Received: ${ctx.arg}=${pyRepr(value)}`, hint);
}

/**
 * The closest known name to a misspelt one, or undefined when nothing is close. A case-only
 * difference always matches (`dense` -> `Dense`); otherwise at most a third of the letters may differ.
 */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; score: number; exact: number } | undefined;
  for (const c of candidates) {
    // Case-insensitive distance decides; the case-sensitive one breaks ties ('l3' -> 'l2', not 'L1').
    const score = distance(lower, c.toLowerCase());
    const exact = distance(word, c);
    if (!best || score < best.score || (score === best.score && exact < best.exact)) best = { name: c, score, exact };
  }
  if (!best) return undefined;
  return best.score === 0 || best.score <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

/** " Did you mean 'relu'?" or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggestName(word, candidates);
  return s === undefined ? '' : ` Did you mean '${s}'?`;
}
