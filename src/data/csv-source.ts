import { createReadStream } from 'node:fs';
import { LayerError } from '../layers/types.js';
import type { RawSource } from './source.js';
import { invalidUtf8, MAX_RECORD_BYTES, readCsvHead, type CsvHead } from './csv-open.js';
import { CsvRecordParser } from './csv-records.js';
import { firstInvalidUtf8, lineAndColumnAt } from './utf8.js';

const CHUNK_BYTES = 1 << 16;

/** A CSV file as a RawSource, plus what the loader shows: progress and the line of a row. */
export interface CsvSource extends RawSource {
  readonly path: string;
  readonly head: CsvHead;
  /** Bytes read so far by the current pass (for the progress line). */
  readonly bytesRead: number;
  /** File line of row `i` of the batch last yielded (for `file:line:column` messages). */
  lineOf(indexInBatch: number): number | null;
}

interface Batch {
  readonly rows: string[][];
  readonly lines: number[];
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
    const parser = new CsvRecordParser(path, head.delimiter, MAX_RECORD_BYTES);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const columns = head.header.length;
    let skipHeader = head.hasHeader;
    let batch: Batch = { rows: [], lines: [] };
    const ready: Batch[] = [];
    const push = (record: string[], line: number): void => {
      if (skipHeader) return void (skipHeader = false);
      if (record.length !== columns) throw ragged(path, line, record.length, columns);
      batch.rows.push(record);
      batch.lines.push(line);
      if (batch.rows.length === batchSize) (ready.push(batch), (batch = { rows: [], lines: [] }));
    };
    function* drain(): Generator<string[][]> {
      for (const b of ready.splice(0)) {
        batchLines = b.lines;
        yield b.rows;
      }
    }
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const offset = Math.max(0, firstInvalidUtf8(chunk));
        const at = await lineAndColumnAt(path, bytesRead + offset);
        throw invalidUtf8(path, at.line, at.column, chunk[offset] ?? 0);
      }
      bytesRead += chunk.length;
      parser.feed(text, push);
      yield* drain();
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      const at = await lineAndColumnAt(path, bytesRead);
      throw invalidUtf8(path, at.line, at.column, 0);
    }
    parser.feed(rest, push);
    parser.feed(undefined, push);
    if (batch.rows.length > 0) ready.push(batch);
    yield* drain();
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

function ragged(path: string, line: number, got: number, expected: number): LayerError {
  return new LayerError(
    `${path}:${line}: this row has ${got} values, but the file has ${expected} columns.`,
    'Fix the row, or quote a value that contains the delimiter ("a, b").',
  );
}
