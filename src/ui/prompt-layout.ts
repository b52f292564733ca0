import stringWidth from 'string-width';
import { CONTINUATION, PROMPT } from '../replay/run-script.js';

/** One screen row of the prompt area: a prompt label (coloured) and typed text. */
export interface Row {
  readonly label: string;
  readonly text: string;
}

/**
 * Cuts `label + text` into rows of at most `columns` cells, by character rather than by word
 * (as a terminal wraps typed text), so the cursor's place is known exactly. A line that fills
 * its last row exactly gets an empty row after it, where the cursor then sits.
 */
export function hardWrap(label: string, text: string, columns: number): Row[] {
  const rows: Row[] = [];
  let current: Row = { label: '', text: '' };
  let width = 0;
  const chars = [...label].map((c) => ({ c, isLabel: true })).concat([...text].map((c) => ({ c, isLabel: false })));
  for (const { c, isLabel } of chars) {
    const w = stringWidth(c);
    if (width + w > columns) {
      rows.push(current);
      current = { label: '', text: '' };
      width = 0;
    }
    current = isLabel ? { ...current, label: current.label + c } : { ...current, text: current.text + c };
    width += w;
  }
  rows.push(current);
  if (width >= columns) rows.push({ label: '', text: '' });
  return rows;
}

/** Where the cursor stands after `before` (label plus text up to the cursor), rows counted from the top. */
function cursorAfter(before: string, columns: number, rowsAbove: number): { x: number; y: number } {
  const w = stringWidth(before);
  return { x: w % columns, y: rowsAbove + Math.floor(w / columns) };
}

interface PromptLayout {
  readonly rows: readonly Row[];
  readonly cursor: { readonly x: number; readonly y: number };
}

/**
 * The prompt area: lines already entered of an open call (`klayers>` then `...>`), then the line
 * being edited with its label — or, while searching, bash's reverse-search line.
 */
export function layoutPrompt(pending: readonly string[], label: string | null, text: string, cursor: number, columns: number): PromptLayout {
  const rows: Row[] = pending.flatMap((line, i) => hardWrap(i === 0 ? PROMPT : CONTINUATION, line, columns));
  const own = label ?? (pending.length === 0 ? PROMPT : CONTINUATION);
  const place = cursorAfter(own + text.slice(0, cursor), columns, rows.length);
  rows.push(...hardWrap(own, text, columns));
  return { rows, cursor: place };
}
