import type { SummaryModel, SummaryOptions } from './summary-types.js';

/**
 * What a command returns: plain data, rendered later as Ink elements (repl) or as text
 * (replay, pipes, session files). Commands never print.
 */
export type Block =
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'warning'; readonly text: string }
  /** A user mistake: one line naming the bad value, plus what would fix it. */
  | { readonly kind: 'error'; readonly text: string; readonly hint?: string }
  /** Preformatted multi-line text (tables, listings, help, syntax errors with a caret). */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'summary'; readonly model: SummaryModel; readonly options: Omit<SummaryOptions, 'columns'> };

export const message = (text: string): Block => ({ kind: 'message', text });
export const warning = (text: string): Block => ({ kind: 'warning', text });
export const text = (body: string): Block => ({ kind: 'text', text: body });
export function error(textOrErr: string, hint?: string): Block {
  return hint === undefined ? { kind: 'error', text: textOrErr } : { kind: 'error', text: textOrErr, hint };
}

export function isError(block: Block): boolean {
  return block.kind === 'error';
}
