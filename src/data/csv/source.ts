import type { FileSource } from '../table/source.js';
import { readCsvHead, type CsvHead } from './open.js';
import { readCsvBatches } from './range.js';

/** A CSV file as a RawSource, plus what the loader shows: progress and the line of a row. */
export interface CsvSource extends FileSource {
  readonly head: CsvHead;
  /** The same file read only up to byte `end`, which must be a record's start. */
  upTo(end: number): CsvSource;
}

/**
 * Opens a CSV file for streaming: checks it and reads its head now (so a bad file fails before
 * anything changes), then reads it in chunks each time `batches()` is called. Memory is one chunk
 * plus one batch of rows, whatever the file's size.
 */
export async function openCsv(path: string, options: { header?: boolean; delimiter?: string } = {}, name = path): Promise<CsvSource> {
  return csvSource(path, name, await readCsvHead(path, options), undefined);
}

function csvSource(path: string, name: string, head: CsvHead, end: number | undefined): CsvSource {
  let bytesRead = 0;
  let batchLines: readonly number[] = [];
  async function* batches(batchSize: number): AsyncIterable<readonly (readonly string[])[]> {
    bytesRead = 0;
    const range = { delimiter: head.delimiter, name, skipFirst: head.hasHeader, ...(end !== undefined ? { end } : {}) };
    for await (const batch of readCsvBatches(path, { ...range, onBytes: (n) => (bytesRead = n) }, batchSize)) {
      batchLines = batch.lines;
      yield batch.rows;
    }
  }
  return {
    name,
    path,
    head,
    header: head.header,
    firstDataLine: head.hasHeader ? 2 : 1,
    batches,
    get bytesRead() {
      return bytesRead;
    },
    lineOf: (i) => batchLines[i] ?? null,
    upTo: (at) => csvSource(path, name, head, at),
  };
}
