import { complete, type Completion, type CompletionContext } from '../../src/complete/index.js';

/** A model with two Dense layers, as the REPL would describe it. */
export const TWO_DENSE: CompletionContext = {
  layerNames: ['dense', 'dense_1'],
  layerCount: 2,
  cwd: process.cwd(),
  layerClasses: ['Dense', 'Dense'],
};

export const EMPTY: CompletionContext = { layerNames: [], layerCount: 0, cwd: process.cwd() };

/** Completion with the cursor at `|` (or at the end when there is none). */
export function completeAt(marked: string, ctx: CompletionContext = TWO_DENSE): { line: string; cursor: number; result: Completion } {
  const cursor = marked.includes('|') ? marked.indexOf('|') : marked.length;
  const line = marked.replace('|', '');
  return { line, cursor, result: complete(line, cursor, ctx) };
}

/** Just the candidate texts. */
export function texts(marked: string, ctx: CompletionContext = TWO_DENSE): string[] {
  return completeAt(marked, ctx).result.candidates.map((c) => c.text);
}

/** What is replaced: the typed text between from and to. */
export function replaced(marked: string, ctx: CompletionContext = TWO_DENSE): string {
  const { line, result } = completeAt(marked, ctx);
  return line.slice(result.from, result.to);
}
