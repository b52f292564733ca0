/**
 * Worker thread of a parallel CSV load: reads the second half of a file (from a record start to
 * the end) into typed columns with the column plan the main thread inferred from the first rows,
 * and posts the columns back (their buffers are transferred, not copied). Any problem is posted
 * as a failure; the main thread then reads the whole file itself, which names it exactly.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvBatches } from './range.js';
import { RowIngest } from './row-ingest.js';
import type { ColumnInfo } from '../table/table.js';

/** What the main thread asks of the worker. */
export interface HalfRequest {
  readonly path: string;
  readonly delimiter: string;
  readonly start: number;
  readonly columns: readonly ColumnInfo[];
  readonly dropMissing: boolean;
  /** `na_values=`: cell texts read as missing. */
  readonly naValues: readonly string[];
  readonly sampleSize: number;
  readonly batchRows: number;
}

/** A column as the worker read it: numbers, or codes into its own labels. */
export type HalfColumn = { readonly kind: 'number'; readonly values: Float32Array } | { readonly kind: 'codes'; readonly codes: Uint16Array; readonly labels: readonly string[] };

export type HalfMessage =
  | { readonly kind: 'progress'; readonly bytes: number }
  | { readonly kind: 'done'; readonly columns: readonly HalfColumn[]; readonly rows: number; readonly droppedMissingTarget: number; readonly droppedMissing: number }
  | { readonly kind: 'failed'; readonly reason: string };

/** Progress is posted about this often (in bytes): the main thread redraws twice a second at most. */
const PROGRESS_BYTES = 1 << 20;

async function readHalf(request: HalfRequest): Promise<void> {
  const port = parentPort!;
  const ingest = new RowIngest(request.columns, request.dropMissing, request.sampleSize, undefined, request.naValues);
  let posted = 0;
  const onBytes = (bytes: number): void => {
    if (bytes - posted < PROGRESS_BYTES) return;
    posted = bytes;
    port.postMessage({ kind: 'progress', bytes } satisfies HalfMessage);
  };
  const range = { delimiter: request.delimiter, start: request.start, skipFirst: false, onBytes };
  for await (const batch of readCsvBatches(request.path, range, request.batchRows)) {
    ingest.addBatch(batch.rows, (i) => ({ source: request.path, line: batch.lines[i] ?? null, row: i + 1 }));
  }
  const columns: HalfColumn[] = ingest.stored.map(({ data }) => (data.kind === 'number' ? { kind: 'number', values: data.values.slice() } : { kind: 'codes', codes: data.codes.slice(), labels: data.labels }));
  const buffers = columns.map((c) => (c.kind === 'number' ? c.values.buffer : c.codes.buffer)) as ArrayBuffer[];
  const done: HalfMessage = { kind: 'done', columns, rows: ingest.rows, droppedMissingTarget: ingest.droppedMissingTarget, droppedMissing: ingest.droppedMissing };
  port.postMessage(done, buffers);
}

readHalf(workerData as HalfRequest).catch((err: unknown) => {
  parentPort!.postMessage({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) } satisfies HalfMessage);
});
