import type { ChartSeries } from './chart.js';
import type { SummaryModel, SummaryOptions } from './summary-types.js';

/** One column of a table block. */
export interface TableColumn {
  readonly header: string;
  /** Where cells sit in the column's width (left by default). Plain tables only: rule tables are left-aligned. */
  readonly align?: 'left' | 'right';
  /** What the cells hold, for painting: shapes, parameter counts, other numbers, or text (the default). */
  readonly kind?: 'text' | 'shape' | 'params' | 'number';
  /** Cells and header cut to this many display columns with an ellipsis (rule tables). */
  readonly maxWidth?: number;
  /** The columns so marked share one width, the widest of them (plain tables). */
  readonly shareWidth?: boolean;
}

/**
 * Rows of cells under column headers, laid out at the width given when it is rendered
 * (src/render/table.ts), with text lines before (`title`) and after (`notes`).
 */
export interface TableBlock {
  readonly kind: 'table';
  /** `rule`: header, a rule of ─, the last column cut to the width (pandas). `plain`: aligned by characters, no rule. */
  readonly style: 'rule' | 'plain';
  readonly title?: readonly string[];
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Only these rows (indices into `rows`) are printed; the widths still come from all rows. */
  readonly only?: readonly number[];
  readonly notes?: readonly string[];
  /** Plain tables: trailing spaces trimmed off each line (rule tables always are). */
  readonly trimEnd?: boolean;
}

/** Training curves over epochs, drawn at the width given when it is rendered. */
export interface ChartBlock {
  readonly kind: 'chart';
  readonly series: readonly ChartSeries[];
  readonly height: number;
  readonly firstEpoch: number;
}

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
  | { readonly kind: 'summary'; readonly model: SummaryModel; readonly options: Omit<SummaryOptions, 'columns'> }
  | TableBlock
  | ChartBlock;

export const message = (text: string): Block => ({ kind: 'message', text });
export const warning = (text: string): Block => ({ kind: 'warning', text });
export const text = (body: string): Block => ({ kind: 'text', text: body });
export const table = (t: Omit<TableBlock, 'kind'>): TableBlock => ({ kind: 'table', ...t });
export function error(textOrErr: string, hint?: string): Block {
  return hint === undefined ? { kind: 'error', text: textOrErr } : { kind: 'error', text: textOrErr, hint };
}

export function isError(block: Block): boolean {
  return block.kind === 'error';
}
