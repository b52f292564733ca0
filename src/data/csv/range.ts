import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { invalidUtf8, MAX_RECORD_BYTES } from './open.js';
import { CsvRecordParser } from './records.js';
import { firstInvalidUtf8, lineAndColumnAt } from './utf8.js';

/** Small reads keep each chunk's row strings short-lived: fewer promotions, less GC, less RSS. */
const CHUNK_BYTES = 1 << 16;

/** Rows of a CSV file in batches, with the file line each row ends on. */
interface CsvBatch {
  readonly rows: string[][];
  readonly lines: number[];
}

/** Which bytes to read and how to treat the first record. */
interface CsvRange {
  readonly delimiter: string;
  /** What messages call the file (as the user wrote it); the path when absent. */
  readonly name?: string;
  /** Byte offset of a record start (0: the file's start); `end` is exclusive. */
  readonly start?: number;
  readonly end?: number;
  /** Drop the first record (the header). */
  readonly skipFirst: boolean;
  /** Reports the bytes read so far, after every chunk. */
  readonly onBytes?: (bytes: number) => void;
}

/**
 * Reads records of a CSV file (or of a byte range of it that starts at a record) in batches of
 * `batchSize`, checking UTF-8 (RowIngest checks the field count). Lines are counted from the range's start.
 */
export async function* readCsvBatches(path: string, range: CsvRange, batchSize: number): AsyncGenerator<CsvBatch> {
  const start = range.start ?? 0;
  let bytesRead = 0;
  const name = range.name ?? path;
  const parser = new CsvRecordParser(name, range.delimiter, MAX_RECORD_BYTES);
  // Made at the first chunk that needs it; a BOM is dropped only at the file's very start.
  let decoder: TextDecoder | null = null;
  let skip = range.skipFirst;
  let batch: CsvBatch = { rows: [], lines: [] };
  const ready: CsvBatch[] = [];
  const push = (record: string[], line: number): void => {
    if (skip) return void (skip = false);
    batch.rows.push(record);
    batch.lines.push(line);
    if (batch.rows.length === batchSize) (ready.push(batch), (batch = { rows: [], lines: [] }));
  };
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, start, ...(range.end !== undefined ? { end: range.end - 1 } : {}) });
  // Plain ASCII needs no UTF-8 decoding: chunks are copied as they are until the first that is
  // not, and from then on the decoder, which may hold a character cut by a chunk's end, takes all.
  let ascii = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let text: string;
    try {
      ascii &&= isAscii(chunk);
      text = ascii ? chunk.toString('latin1') : (decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: start + bytesRead > 0 })).decode(chunk, { stream: true });
    } catch {
      const offset = Math.max(0, firstInvalidUtf8(chunk));
      const at = await lineAndColumnAt(path, start + bytesRead + offset);
      throw invalidUtf8(name, at.line, at.column, chunk[offset] ?? 0);
    }
    bytesRead += chunk.length;
    range.onBytes?.(bytesRead);
    parser.feed(text, push);
    yield* ready.splice(0);
  }
  let rest: string;
  try {
    rest = decoder?.decode() ?? '';
  } catch {
    const at = await lineAndColumnAt(path, start + bytesRead);
    throw invalidUtf8(name, at.line, at.column, 0);
  }
  parser.feed(rest, push);
  parser.feed(undefined, push);
  if (batch.rows.length > 0) ready.push(batch);
  yield* ready;
}

