import type { Candidate, Completion } from './types.js';

/**
 * The candidates that fit what was typed: case-sensitive prefix matches; only when none match,
 * the case-insensitive ones (`dense` still finds `Dense`). Duplicates keep their first place.
 * `key` is what the prefix is compared with (a quoted value is matched by its bare name).
 */
export function matching(prefix: string, all: readonly Candidate[], key: (c: Candidate) => string = (c) => c.text): Candidate[] {
  const seen = new Set<string>();
  const unique = all.filter((c) => !seen.has(c.text) && seen.add(c.text));
  const exact = unique.filter((c) => key(c).startsWith(prefix));
  if (exact.length > 0 || prefix === '') return exact;
  const lower = prefix.toLowerCase();
  return unique.filter((c) => key(c).toLowerCase().startsWith(lower));
}

/** A completion of `line.slice(from, cursor)`. */
export function completion(from: number, cursor: number, candidates: readonly Candidate[]): Completion {
  return { from, to: cursor, candidates };
}

/** Nothing fits: an empty range at the cursor. */
export function nothing(cursor: number): Completion {
  return { from: cursor, to: cursor, candidates: [] };
}

/** Plain alphabetical order (code points, so `Conv1D` before `Conv2D`, `False` before `True`). */
export function byText(a: Candidate, b: Candidate): number {
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** The longest common prefix of some strings ('' for none). */
export function commonPrefix(texts: readonly string[]): string {
  if (texts.length === 0) return '';
  let prefix = texts[0]!;
  for (const t of texts) {
    let i = 0;
    while (i < prefix.length && i < t.length && prefix[i] === t[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}
