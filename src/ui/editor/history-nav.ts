/**
 * ↑/↓ through earlier commands, oldest first in `entries`. The line being typed when ↑ was first
 * pressed is kept as the draft and comes back after the newest entry, as in readline.
 */
export interface HistoryNav {
  readonly entries: readonly string[];
  /** entries.length while editing the draft; smaller while showing an entry. */
  readonly index: number;
  readonly draft: string;
}

export const historyNav = (entries: readonly string[]): HistoryNav => ({ entries, index: entries.length, draft: '' });

/** The text to show after ↑ (older), or null when already at the oldest. */
export function older(nav: HistoryNav, current: string): { nav: HistoryNav; text: string } | null {
  if (nav.index === 0) return null;
  const draft = nav.index === nav.entries.length ? current : nav.draft;
  const index = nav.index - 1;
  return { nav: { ...nav, index, draft }, text: nav.entries[index]! };
}

/** The text to show after ↓ (newer, ending at the draft), or null when already at the draft. */
export function newer(nav: HistoryNav): { nav: HistoryNav; text: string } | null {
  if (nav.index >= nav.entries.length) return null;
  const index = nav.index + 1;
  const text = index === nav.entries.length ? nav.draft : nav.entries[index]!;
  return { nav: { ...nav, index }, text };
}

/** After a command is accepted: remember it (not twice in a row) and start a fresh draft. */
export function remember(nav: HistoryNav, entry: string): HistoryNav {
  const entries = entry.trim() === '' || nav.entries[nav.entries.length - 1] === entry ? nav.entries : [...nav.entries, entry];
  return historyNav(entries);
}
