import type { Completion } from '../complete-api.js';
import * as L from './line.js';

/** What the completer found for the line at the cursor: candidates and their shared extension. */
export interface CompletionStep {
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
  if (many && tabPending) return { line, list: completion.candidates, pending: false };
  return { line, list: null, pending: many };
}
