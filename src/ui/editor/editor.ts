import type { Completion } from '../complete-api.js';
import { completeAtCursor, type CompletionStep } from './tab.js';
import { historyNav, newer, older, remember, type HistoryNav } from './history-nav.js';
import type { Key } from './keys.js';
import * as L from './line.js';
import { searchOlder, searchResult, setQuery, startSearch, type SearchState } from './search.js';

/**
 * The prompt's line editor as a pure state machine: a key in, the next state (and maybe an
 * action for the REPL) out. Ink only feeds it keys and draws the state.
 */
export interface EditorState {
  readonly line: L.Line;
  readonly nav: HistoryNav;
  /** Non-null while Ctrl-R reverse search is on. */
  readonly search: SearchState | null;
  /** The candidate list shown under the prompt after a second Tab; null when hidden. */
  readonly candidates: Completion['candidates'] | null;
  /** Whether the previous key was a Tab that added nothing (the next Tab lists candidates). */
  readonly tabPending: boolean;
}

type EditorAction = { readonly kind: 'submit'; readonly text: string } | { readonly kind: 'interrupt' } | { readonly kind: 'eof' };

interface Pressed {
  readonly state: EditorState;
  readonly action: EditorAction | null;
}

/** Completions for the text before the REPL (the caller adds continued lines and context). */
type Completer = (text: string, cursor: number) => CompletionStep;

export const initialEditor = (history: readonly string[] = []): EditorState => ({
  line: L.EMPTY_LINE, nav: historyNav(history), search: null, candidates: null, tabPending: false,
});

/** After a command is accepted: it joins the history and ↑ starts from it. */
export const rememberEntry = (s: EditorState, entry: string): EditorState => ({ ...s, nav: remember(s.nav, entry) });

const EDITS: Partial<Record<Key['name'], (line: L.Line) => L.Line>> = {
  backspace: L.backspace, delete: L.deleteForward, left: L.left, right: L.right, home: L.home, end: L.end,
  wordLeft: L.wordLeft, wordRight: L.wordRight, killStart: L.killToStart, killEnd: L.killToEnd, killWordBack: L.killWordBack,
};

function pressInSearch(s: EditorState, search: SearchState, key: Key, completer: Completer): Pressed {
  const entries = s.nav.entries;
  if (key.name === 'insert') return { state: { ...s, search: setQuery(entries, search.query + key.text) }, action: null };
  if (key.name === 'backspace') return { state: { ...s, search: setQuery(entries, search.query.slice(0, -1)) }, action: null };
  if (key.name === 'search') return { state: { ...s, search: searchOlder(entries, search) }, action: null };
  if (key.name === 'cancel' || key.name === 'escape') return { state: { ...s, search: null }, action: null };
  // Any other key takes the match into the line, then acts on it (Enter runs it), as bash does.
  const found = searchResult(entries, search);
  const taken: EditorState = { ...s, search: null, line: found ? L.lineOf(found) : s.line };
  return press(taken, key, completer);
}

/** One key. */
export function press(s: EditorState, key: Key, completer: Completer): Pressed {
  if (s.search) return pressInSearch(s, s.search, key, completer);
  const calm: EditorState = { ...s, candidates: null, tabPending: false };
  if (key.name === 'insert') return { state: { ...calm, line: L.insert(s.line, key.text) }, action: null };
  const edit = EDITS[key.name];
  if (edit) return { state: { ...calm, line: edit(s.line) }, action: null };
  switch (key.name) {
    case 'enter':
      return { state: { ...calm, line: L.EMPTY_LINE, nav: historyNav(s.nav.entries) }, action: { kind: 'submit', text: s.line.text } };
    case 'interrupt':
    case 'cancel':
      return { state: { ...calm, line: L.EMPTY_LINE, nav: historyNav(s.nav.entries) }, action: key.name === 'interrupt' ? { kind: 'interrupt' } : null };
    case 'eof':
      if (s.line.text === '') return { state: calm, action: { kind: 'eof' } };
      return { state: { ...calm, line: L.deleteForward(s.line) }, action: null };
    case 'up':
    case 'down': {
      const step = key.name === 'up' ? older(s.nav, s.line.text) : newer(s.nav);
      return { state: step ? { ...calm, nav: step.nav, line: L.lineOf(step.text) } : calm, action: null };
    }
    case 'search':
      return { state: { ...calm, search: startSearch(s.nav.entries) }, action: null };
    case 'tab': {
      const step = completeAtCursor(s.line, s.tabPending, completer);
      return { state: { ...calm, line: step.line, candidates: step.list, tabPending: step.pending }, action: null };
    }
    default:
      return { state: calm, action: null };
  }
}
