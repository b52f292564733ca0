/**
 * Ctrl-R reverse incremental search over the history, as in bash: typing narrows the query,
 * Ctrl-R again steps to the next older match.
 */
export interface SearchState {
  readonly query: string;
  /** Index into history entries of the shown match, or -1 when nothing matches. */
  readonly match: number;
  /** Whether the last step found nothing (shown as "failing", as bash does). */
  readonly failing: boolean;
}

/** The newest entry at or before `from` containing query, or -1. */
function findOlder(entries: readonly string[], query: string, from: number): number {
  for (let i = Math.min(from, entries.length - 1); i >= 0; i -= 1) {
    if (entries[i]!.includes(query)) return i;
  }
  return -1;
}

export const startSearch = (entries: readonly string[]): SearchState => ({ query: '', match: entries.length - 1, failing: false });

/** The query grew or shrank: search again from the newest entry. */
export function setQuery(entries: readonly string[], query: string): SearchState {
  const match = findOlder(entries, query, entries.length - 1);
  return { query, match, failing: match < 0 && query !== '' };
}

/** Ctrl-R again: the next older match, staying on the current one when there is none. */
export function searchOlder(entries: readonly string[], s: SearchState): SearchState {
  const match = findOlder(entries, s.query, s.match - 1);
  return match < 0 ? { ...s, failing: true } : { ...s, match, failing: false };
}

export const searchResult = (entries: readonly string[], s: SearchState): string => (s.match >= 0 ? entries[s.match]! : '');

/** `(reverse-i-search)'den': Dense(4)` — bash's wording. */
export function searchPrompt(s: SearchState): string {
  return `(${s.failing ? 'failing ' : ''}reverse-i-search)'${s.query}': `;
}
