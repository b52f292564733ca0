import { wrapText, type Justify } from './summary-rich-text.js';

/**
 * The box table that Keras 3's summary draws with `rich.table.Table(width=line_length,
 * show_lines=True)` and the HEAVY_HEAD box: fixed-width columns with one space of padding on
 * each side, shrunk by rich's `ratio_reduce` until borders + padding fit in `tableWidth`.
 */

export interface TableColumn {
  readonly header: string;
  readonly justify: Justify;
  /** Keras's column width (before rich takes out borders and padding). */
  readonly width: number;
}

/** Python's round(): exact halves go to the even neighbour. */
function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** rich's `ratio_reduce(total, ratios, maximums, values)`. */
function ratioReduce(total: number, ratios: number[], maximums: number[], values: number[]): number[] {
  const active = ratios.map((r, i) => (maximums[i] ? r : 0));
  let totalRatio = active.reduce((a, b) => a + b, 0);
  if (!totalRatio) return [...values];
  let remaining = total;
  return values.map((value, i) => {
    if (!active[i] || totalRatio <= 0) return value;
    const distributed = Math.min(maximums[i]!, pyRound((active[i]! * remaining) / totalRatio));
    remaining -= distributed;
    totalRatio -= active[i]!;
    return value - distributed;
  });
}

/** Widths of each column including its padding, as rich's `_calculate_column_widths` settles them. */
function richColumnWidths(columns: readonly TableColumn[], tableWidth: number): number[] {
  const maxWidth = tableWidth - (columns.length + 1);
  const widths = columns.map((c) => Math.min(c.width + 2, maxWidth) || 1);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= maxWidth) return widths;
  return ratioReduce(total - maxWidth, widths.map(() => 1), widths, widths).map((w) => Math.min(w, maxWidth));
}

/** One cell as lines of exactly `width` characters (padding included). */
function cellLines(text: string, width: number, justify: Justify): string[] {
  const inner = Math.max(0, width - 2);
  return wrapText(text, inner, justify, 'ellipsis').map((line) => ` ${line.padEnd(inner).slice(0, inner)} `);
}

function renderRow(cells: readonly string[], columns: readonly TableColumn[], widths: number[], header: boolean, edge: string): string[] {
  const rendered = cells.map((text, i) => cellLines(text, widths[i]!, columns[i]!.justify));
  const height = Math.max(1, ...rendered.map((lines) => lines.length));
  const aligned = rendered.map((lines, i) => {
    const blank = Array<string>(height - lines.length).fill(' '.repeat(widths[i]!));
    return header ? [...blank, ...lines] : [...lines, ...blank];
  });
  const out: string[] = [];
  for (let line = 0; line < height; line++) out.push(edge + aligned.map((c) => c[line]).join(edge) + edge);
  return out;
}

function rule(widths: number[], left: string, fill: string, cross: string, right: string): string {
  return left + widths.map((w) => fill.repeat(w)).join(cross) + right;
}

/** The whole table, one string per line, each `tableWidth` characters wide. */
export function renderRichTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], tableWidth: number): string[] {
  const widths = richColumnWidths(columns, tableWidth);
  const lines = [rule(widths, '┏', '━', '┳', '┓')];
  lines.push(...renderRow(columns.map((c) => c.header), columns, widths, true, '┃'));
  lines.push(rule(widths, '┡', '━', '╇', '┩'));
  rows.forEach((row, i) => {
    if (i > 0) lines.push(rule(widths, '├', '─', '┼', '┤'));
    lines.push(...renderRow(row, columns, widths, false, '│'));
  });
  lines.push(rule(widths, '└', '─', '┴', '┘'));
  return lines;
}
