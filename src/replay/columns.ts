/**
 * Output width as Python's shutil.get_terminal_size() sees it, which is what Keras's summary
 * uses: $COLUMNS, else the terminal's width, else 80.
 */
export function outputColumns(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  const env = Number.parseInt(process.env['COLUMNS'] ?? '', 10);
  if (Number.isInteger(env) && env > 0) return env;
  if (stream.isTTY && stream.columns) return stream.columns;
  return 80;
}
