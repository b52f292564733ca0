import Papa from 'papaparse';
import { UserError } from '../../core/user-error.js';

/** A line break as Papa Parse takes it. */
type Newline = '\n' | '\r\n' | '\r';

/** The first line break of a text (LF when it has none): the file's rows end with it. */
function detectNewline(text: string): Newline {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return text[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** Papa Parse's synchronous core (`Papa.Parser`), which its streamers drive chunk by chunk. */
interface PapaResult {
  readonly data: string[][];
  readonly errors: readonly { readonly code: string; readonly row: number }[];
  readonly meta: { readonly cursor: number };
}

/**
 * Feeds text chunks to Papa Parse (RFC 4180 quoting, fields spanning lines) and receives each
 * record synchronously with the file line it ends on. The row cut by a chunk's end is held
 * back and parsed with the next chunk, as Papa's own streamers do. Blank lines are skipped;
 * a quote problem or a record longer than `maxRecordChars` throws a UserError naming its line.
 */
export class CsvRecordParser {
  private parser: Papa.Parser | null = null;
  private newline: Newline = '\n';
  private partial = '';
  /** Line number of the first line not yet consumed. */
  private nextLine = 1;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly maxRecordChars: number,
  ) {}

  /** Parses a chunk of text, or with `undefined` the rest; `push` gets each record in order. */
  feed(chunk: string | undefined, push: (record: string[], line: number) => void): void {
    const final = chunk === undefined;
    const input = this.partial + (chunk ?? '');
    if (!this.parser) {
      if (!final && input.length === 0) return;
      this.newline = detectNewline(input);
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, quoteChar: '"' });
    }
    const result = this.parser.parse(input, 0, !final) as PapaResult;
    const rows = result.data;
    // The held-back row is parsed again with the next chunk; only the final parse judges it.
    const error = result.errors.find((e) => final || e.row < rows.length);
    // Without a quote Papa splits lines, so a record is one line; with one, count the breaks inside.
    const quoted = input.indexOf('"') >= 0;
    const breakChar = this.newline === '\r' ? '\r' : '\n';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const first = this.nextLine;
      this.nextLine += quoted ? 1 + breaksIn(row, breakChar) : 1;
      if (error && error.row === i) throw quoteProblem(this.file, error.code, first);
      if (row.length === 1 && row[0] === '') continue;
      push(row, this.nextLine - 1);
    }
    if (error) throw quoteProblem(this.file, error.code, this.nextLine);
    this.partial = final ? '' : input.substring(result.meta.cursor);
    if (this.partial.length > this.maxRecordChars) throw recordTooLong(this.file, this.nextLine, this.maxRecordChars);
  }
}

function breaksIn(row: readonly string[], breakChar: string): number {
  let n = 0;
  for (const field of row) for (let at = field.indexOf(breakChar); at >= 0; at = field.indexOf(breakChar, at + 1)) n++;
  return n;
}

function quoteProblem(file: string, code: string, line: number): UserError {
  if (code === 'MissingQuotes') {
    return new UserError(`${file}:${line}: a quote (") opened in this row is never closed; the file ends inside the quoted value.`, 'Close the quote, or double a quote inside a value ("").');
  }
  return new UserError(`${file}:${line}: text after a closing quote (").`, 'Inside a quoted value write a quote as "".');
}

function recordTooLong(file: string, line: number, max: number): UserError {
  return new UserError(
    `${file}:${line}: a row longer than ${max / (1 << 20)} MB; klayers reads rows up to that size.`,
    'Is this a CSV file with one row per line? An unclosed quote (") also makes one endless row.',
  );
}

/** Every record of a CSV text held in memory (a small file, such as rows to predict). */
export function parseCsvText(file: string, text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  const parser = new CsvRecordParser(file, delimiter, Infinity);
  parser.feed(text.replace(/^\uFEFF/, ''), (r) => records.push(r));
  parser.feed(undefined, (r) => records.push(r));
  return records;
}
