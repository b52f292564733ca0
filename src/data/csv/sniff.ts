/** The delimiters klayers recognises, in the order that wins a tie. */
const DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

/** Drops quoted spans so a delimiter inside quotes does not count. */
function unquoted(line: string): string {
  return line.replace(/"(?:[^"]|"")*"?/g, '""');
}

function occurrences(line: string, ch: string): number {
  let n = 0;
  for (let i = line.indexOf(ch); i >= 0; i = line.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Guesses the delimiter from the first lines of a file: the candidate that appears the same
 * number of times (at least once) on the most lines wins, as Python's csv.Sniffer does in
 * spirit. A one-column file has none of them and reads as `,`.
 */
export function sniffDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.length > 0)
    .map(unquoted);
  // The last line of a chunk may be cut short; use it only when it is the only one.
  const sample = lines.length > 2 ? lines.slice(0, -1) : lines;
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = sample.map((l) => occurrences(l, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((c) => c === first).length;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** How a delimiter is named in messages. */
export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}
