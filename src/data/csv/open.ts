import { open, stat } from 'node:fs/promises';
import { UserError } from '../../core/user-error.js';
import { cleanHeader, generatedNames, looksLikeHeader } from './header.js';
import { CsvRecordParser } from './records.js';
import { sniffDelimiter } from './sniff.js';
import { firstInvalidUtf8 } from './utf8.js';
import { fileError, fsErrorCode } from '../../fs/file-errors.js';

/** How much of a file klayers looks at to sniff the delimiter and the header. */
const HEAD_BYTES = 64 * 1024;
/** The longest row klayers reads; a longer one is a broken file, not data. */
export const MAX_RECORD_BYTES = 1 << 20;

/** What the first look at a file found. */
export interface CsvHead {
  readonly size: number;
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly header: readonly string[];
  /** Rows the whole file holds, judged from the line length of its head (for the memory check). */
  readonly estimatedRows: number;
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError(`${path} is a directory, not a CSV file.`, 'Give the path of a .csv file inside it.');
    // A device or pipe has no size to read ahead by (and /dev/zero never ends).
    if (!info.isFile()) throw new UserError(`${path} is not a regular file (a device, pipe or socket).`, 'Save the data to a .csv file and load that.');
    return info.size;
  } catch (err) {
    if (fsErrorCode(err) === 'ENOENT') throw new UserError(`No such file: ${path}`, `Paths are relative to ${process.cwd()}; builtin data sets load as builtin:iris.`);
    throw fileError(err, path, 'read');
  }
}

async function readHead(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw fileError(err, path, 'read');
  });
  try {
    const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Up to 50 first records of the head, stopping quietly at the first parse problem. */
function firstRecords(head: Buffer, delimiter: string, whole: boolean): { records: string[][]; complete: boolean } {
  const records: string[][] = [];
  let complete = whole;
  const parser = new CsvRecordParser('', delimiter, MAX_RECORD_BYTES);
  const keep = (r: string[]): unknown => records.length < 50 && records.push(r);
  try {
    // A cut-off last character decodes as U+FFFD; only whole heads parse their last row.
    parser.feed(new TextDecoder().decode(head), keep);
    if (whole) parser.feed(undefined, keep);
  } catch {
    // The full read reports it with its line number.
    complete = false;
  }
  return { records, complete };
}

/**
 * Looks at the start of a CSV file: refuses what is not a readable text table (missing file,
 * directory, empty, binary, invalid UTF-8 at the start, header without rows) and finds the
 * delimiter and header. `header`/`delimiter` override the guesses.
 */
export async function readCsvHead(path: string, options: { header?: boolean; delimiter?: string }): Promise<CsvHead> {
  const size = await fileSize(path);
  if (size === 0) throw new UserError(`${path} is empty.`, 'A CSV file needs a header line and at least one row.');
  const head = await readHead(path, size);
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const line = head.subarray(0, nul).reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 1);
    throw new UserError(`${path}:${line} holds a NUL byte (byte ${nul + 1} of the file): it looks like a binary file, not CSV text.`, 'Give a UTF-8 text file with one row per line.');
  }
  const bad = firstInvalidUtf8(head);
  if (bad >= 0) throw invalidUtf8InHead(path, head, bad);
  const delimiter = options.delimiter ?? sniffDelimiter(head.toString('utf8', 0, Math.min(head.length, 16 * 1024)));
  const { records, complete } = firstRecords(head, delimiter, head.length === size);
  const first = records[0];
  if (!first && head.length < size) {
    throw new UserError(`${path}: line 1 is longer than ${HEAD_BYTES / 1024} KB (no line break in the first ${HEAD_BYTES / 1024} KB).`, 'Give a CSV file with one row per line.');
  }
  if (!first) throw new UserError(`${path} has no rows (only blank lines).`, 'A CSV file needs a header line and at least one row.');
  const hasHeader = options.header ?? looksLikeHeader(records);
  if (hasHeader && records.length === 1 && complete) {
    throw new UserError(`${path} has a header but no data rows.`, 'Add rows below the header line.');
  }
  const header = hasHeader ? cleanHeader(first) : generatedNames(first.length);
  return { size, delimiter, hasHeader, header, estimatedRows: Math.round(size / bytesPerLine(head)) };
}

function bytesPerLine(head: Buffer): number {
  let lines = 0;
  for (let at = head.indexOf(10); at >= 0; at = head.indexOf(10, at + 1)) lines++;
  return head.length / Math.max(1, lines);
}

/** `data.csv:3:7: not valid UTF-8 (byte 0xff).` */
export function invalidUtf8(path: string, line: number, column: number, byte: number): UserError {
  return new UserError(
    `${path}:${line}:${column}: not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')}).`,
    'Save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.csv > out.csv).',
  );
}

function invalidUtf8InHead(path: string, head: Buffer, offset: number): UserError {
  let line = 1;
  let lineStart = 0;
  for (let i = head.indexOf(10); i >= 0 && i < offset; i = head.indexOf(10, i + 1)) (line++, (lineStart = i + 1));
  return invalidUtf8(path, line, offset - lineStart + 1, head[offset]!);
}
