import { createReadStream } from 'node:fs';
import type { RawSource } from './source.js';
import { csvProblem } from './csv-errors.js';
import { invalidUtf8, MAX_RECORD_BYTES, readCsvHead, type CsvHead } from './csv-open.js';
import { csvOptions, CsvRecordParser } from './csv-records.js';
import { firstInvalidUtf8, lineAndColumnAt } from './utf8.js';

const CHUNK_BYTES = 1 << 20;

/** A CSV file as a RawSource, plus what the loader shows: progress and the line of a row. */
export interface CsvSource extends RawSource {
  readonly path: string;
  readonly head: CsvHead;
  /** Bytes read so far by the current pass (for the progress line). */
  readonly bytesRead: number;
  /** File line of row `i` of the batch last yielded (for `file:line:column` messages). */
  lineOf(indexInBatch: number): number | null;
}

/**
 * Opens a CSV file for streaming: checks it and reads its head now (so a bad file fails before
 * anything changes), then reads it in chunks each time `batches()` is called. Memory is one chunk
 * plus one batch of rows, whatever the file's size.
 */
export async function openCsv(path: string, options: { header?: boolean; delimiter?: string } = {}): Promise<CsvSource> {
  const head = await readCsvHead(path, options);
  let bytesRead = 0;
  let batchLines: readonly number[] = [];

  async function* batches(batchSize: number): AsyncIterable<readonly (readonly string[])[]> {
    bytesRead = 0;
    const parser = new CsvRecordParser(csvOptions(head.delimiter, MAX_RECORD_BYTES));
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let skipHeader = head.hasHeader;
    let rows: string[][] = [];
    let lines: number[] = [];
    const push = (record: string[]): void => {
      if (skipHeader) skipHeader = false;
      else (rows.push(record), lines.push(parser.line));
    };
    function* fullBatches(final: boolean): Generator<string[][]> {
      let start = 0;
      for (; rows.length - start >= batchSize || (final && start < rows.length); start += batchSize) {
        batchLines = lines.slice(start, start + batchSize);
        yield rows.slice(start, start + batchSize);
      }
      rows = rows.slice(start);
      lines = lines.slice(start);
    }
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        const offset = Math.max(0, firstInvalidUtf8(chunk));
        const at = await lineAndColumnAt(path, bytesRead + offset);
        throw invalidUtf8(path, at.line, at.column, chunk[offset] ?? 0);
      }
      bytesRead += chunk.length;
      feed(parser, chunk, push, path);
      yield* fullBatches(false);
    }
    try {
      decoder.decode();
    } catch {
      const at = await lineAndColumnAt(path, bytesRead);
      throw invalidUtf8(path, at.line, at.column, 0);
    }
    feed(parser, undefined, push, path);
    yield* fullBatches(true);
  }

  return {
    name: path,
    path,
    head,
    header: head.header,
    firstDataLine: head.hasHeader ? 2 : 1,
    batches,
    get bytesRead() {
      return bytesRead;
    },
    lineOf: (i) => batchLines[i] ?? null,
  };
}

function feed(parser: CsvRecordParser, chunk: Buffer | undefined, push: (r: string[]) => void, path: string): void {
  try {
    parser.feed(chunk, push);
  } catch (err) {
    throw csvProblem(err, path, MAX_RECORD_BYTES);
  }
}
