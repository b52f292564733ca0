import type { Completion } from '../complete-api.js';
import * as L from './line.js';

/** What the completer found for the line at the cursor: candidates and their shared extension. */
export interface CompletionStep {
  /** Offsets are into the editor's line (negative `from` when the word began on an earlier line). */
  readonly completion: Completion;
  /** Text to insert at the cursor that every candidate agrees on ('' when none). */
  readonly extension: string;
}

/**
 * Tab, as readline does it: the first Tab inserts what all candidates share; when that adds
 * nothing and there is a choice, the next Tab lists them.
 */
export function completeAtCursor(
  line: L.Line,
  tabPending: boolean,
  completer: (text: string, cursor: number) => CompletionStep,
): { line: L.Line; list: Completion['candidates'] | null; pending: boolean } {
  const { completion, extension } = completer(line.text, line.cursor);
  const many = completion.candidates.length > 1;
  if (extension !== '') return { line: L.insert(line, extension), list: null, pending: many };
  const only = completion.candidates.length === 1 ? completion.candidates[0]! : null;
  // One candidate that is not an extension of what is typed (`den` → `Dense`): replace the word.
  if (only && completion.from >= 0 && only.text !== line.text.slice(completion.from, completion.to)) {
    const text = line.text.slice(0, completion.from) + only.text + line.text.slice(completion.to);
    return { line: L.lineOf(text, completion.from + only.text.length), list: null, pending: false };
  }
  if (many && tabPending) return { line, list: completion.candidates, pending: false };
  return { line, list: null, pending: many };
}
