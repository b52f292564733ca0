import stringWidth from 'string-width';

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

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

/**
 * A plain text table (as pandas prints a frame): a header line, a rule, aligned rows. The last
 * column is cut so each line fits `columns`.
 */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], columns: number): string {
  const widths = headers.map((h, j) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[j] ?? ''))));
  const lead = widths.slice(0, -1).reduce((n, w) => n + w + 2, 0);
  widths[widths.length - 1] = Math.max(8, Math.min(widths[widths.length - 1]!, columns - lead));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, j) => (j === cells.length - 1 ? fit(c, widths[j]!) : pad(fit(c, widths[j]!), widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `5.84`, `1,234`, `0.000123`: short numbers for tables. */
export function shortNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}
