/**
 * "Did you mean …?" with one policy for every name klayers knows (commands, layers, arguments,
 * activations, columns): a case-only difference always matches (`dense` -> `Dense`); otherwise at
 * most a third of the letters (and at least two) may differ, but never more than half of them, so
 * `fitt` suggests `fit` and `foo` suggests nothing.
 */
import { distance } from 'fastest-levenshtein';

/** The closest known name to a misspelt one, or undefined when nothing is close. */
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
  const limit = Math.min(Math.max(2, Math.floor(word.length / 3)), Math.floor(word.length / 2));
  return best.score === 0 || best.score <= limit ? best.name : undefined;
}

/** " Did you mean 'relu'?" or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggestName(word, candidates);
  return s === undefined ? '' : ` Did you mean '${s}'?`;
}
