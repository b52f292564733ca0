/**
 * Tables as text. Two layouts:
 * - `rule` (as pandas prints a frame): a header line, a rule of `─`, cells padded by display
 *   width, two spaces apart, the last column cut so each line fits the width, trailing spaces
 *   trimmed;
 * - `plain` (listings, prediction tables, the confusion matrix): header and rows aligned by
 *   characters, two spaces apart, no rule, never cut.
 * Pure: a table block and a width in, lines of cells out (the UI paints the cells, replay joins them).
 */
import stringWidth from 'string-width';
import type { TableBlock, TableColumn } from './blocks.js';
import { visible, visibleLines } from '../core/visible.js';

/** Cuts a cell to `width` display columns with an ellipsis. */
export function fit(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const padWidth = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/** What a run of a table line is, for painting: a header cell, a body cell of a column, the gaps and rules between. */
type TableRunRole = 'title' | 'note' | 'header' | 'rule' | 'gap' | 'cell';

export interface TableRun {
  readonly text: string;
  readonly role: TableRunRole;
  /** The column of a header or body cell. */
  readonly column?: TableColumn;
}

/** Lines of runs; joined, each line is the text replay prints. */
type TableLine = readonly TableRun[];

/** Trailing spaces off a line's runs (the rule layout and trimmed listings). */
function trimLineEnd(runs: TableRun[]): TableRun[] {
  const out = [...runs];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.text.trimEnd();
    if (trimmed === '') {
      out.pop();
      continue;
    }
    if (trimmed !== last.text) out[out.length - 1] = { ...last, text: trimmed };
    break;
  }
  return out;
}

function textLines(role: 'title' | 'note', lines: readonly string[] | undefined): TableLine[] {
  return (lines ?? []).flatMap((l) => l.split('\n')).map((l) => (l === '' ? [] : [{ text: l, role }]));
}

function ruleBody(table: TableBlock, columns: number): TableLine[] {
  const cols = table.columns;
  const cell = (row: readonly string[], j: number) => {
    const c = row[j] ?? '';
    const max = cols[j]!.maxWidth;
    return max === undefined ? c : fit(c, max);
  };
  const headers = cols.map((c, j) => cell(cols.map((k) => k.header), j));
  const rows = table.rows.map((r) => cols.map((_, j) => cell(r, j)));
  const widths = headers.map((h, j) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[j]!))));
  const lead = widths.slice(0, -1).reduce((n, w) => n + w + 2, 0);
  widths[widths.length - 1] = Math.max(8, Math.min(widths[widths.length - 1]!, columns - lead));
  const line = (cells: readonly string[], role: 'header' | 'cell'): TableLine =>
    trimLineEnd(
      cells.flatMap((c, j): TableRun[] => {
        const text = j === cells.length - 1 ? fit(c, widths[j]!) : padWidth(fit(c, widths[j]!), widths[j]!);
        return [...(j > 0 ? [{ text: '  ', role: 'gap' as const }] : []), { text, role, column: cols[j]! }];
      }),
    );
  const shown = table.only ? table.only.map((i) => rows[i]!) : rows;
  return [line(headers, 'header'), [{ text: widths.map((w) => '─'.repeat(w)).join('  '), role: 'rule' }], ...shown.map((r) => line(r, 'cell'))];
}

function plainBody(table: TableBlock): TableLine[] {
  const cols = table.columns;
  const all = [cols.map((c) => c.header), ...table.rows.map((r) => cols.map((_, j) => r[j] ?? ''))];
  const widths = cols.map((_, j) => Math.max(...all.map((r) => r[j]!.length)));
  const shared = Math.max(0, ...widths.filter((_, j) => cols[j]!.shareWidth));
  cols.forEach((c, j) => {
    if (c.shareWidth) widths[j] = shared;
  });
  const line = (cells: readonly string[], role: 'header' | 'cell'): TableLine => {
    const runs = cells.flatMap((c, j): TableRun[] => {
      const text = cols[j]!.align === 'right' ? c.padStart(widths[j]!) : c.padEnd(widths[j]!);
      return [...(j > 0 ? [{ text: '  ', role: 'gap' as const }] : []), { text, role, column: cols[j]! }];
    });
    return table.trimEnd ? trimLineEnd(runs) : runs;
  };
  const shown = table.only ? table.only.map((i) => all[i + 1]!) : all.slice(1);
  return [line(all[0]!, 'header'), ...shown.map((r) => line(r, 'cell'))];
}

/** Cells and headers hold CSV text: each shows its control characters escaped, on one line. */
function visibleTable(table: TableBlock): TableBlock {
  return {
    ...table,
    columns: table.columns.map((c) => ({ ...c, header: visible(c.header) })),
    rows: table.rows.map((r) => r.map(visible)),
    ...(table.title ? { title: table.title.map(visibleLines) } : {}),
    ...(table.notes ? { notes: table.notes.map(visibleLines) } : {}),
  };
}

/** The table's lines at `columns`: title lines, the table, notes. */
export function tableLines(given: TableBlock, columns: number): TableLine[] {
  const table = visibleTable(given);
  const body = table.style === 'rule' ? ruleBody(table, columns) : plainBody(table);
  return [...textLines('title', table.title), ...body, ...textLines('note', table.notes)];
}

export function renderTable(table: TableBlock, columns: number): string {
  return tableLines(table, columns)
    .map((runs) => runs.map((r) => r.text).join(''))
    .join('\n');
}
