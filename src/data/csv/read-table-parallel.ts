/**
 * A large CSV file read on two threads: this thread reads the first half as `readTable` always
 * does (the sample, the types, the first rows), and a worker reads the second half with the
 * column plan the sample decided. The halves meet at a line break near the middle.
 *
 * The result equals a one-thread read: numbers are the same floats, category codes are merged
 * in first-seen file order, counts add up. Whenever that cannot be guaranteed (the middle line
 * break lies inside a quoted value, a half has a bad row, a column overflows its label cap) it
 * returns null and the caller reads the whole file on one thread, which also gives any error
 * its exact line.
 */
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { CsvSource } from './source.js';
import type { HalfColumn, HalfMessage, HalfRequest } from './worker.js';
import { BATCH_ROWS, LoadCancelled, readTable, SAMPLE_ROWS, type ReadOptions } from './read-table.js';
import { OTHER_LABEL } from '../table/store.js';
import type { ColumnInfo, Table } from '../table/table.js';

/** Files at least this large load on two threads (`KLAYERS_PARALLEL_LOAD_BYTES` overrides it). */
export const PARALLEL_MIN_BYTES = 16 << 20;

/** Where the halves meet, as a share of the file (measured: the worker's later start and this thread's sample about even out). */
export const SPLIT_SHARE = 0.5;

function minBytes(): number {
  const set = Number(process.env['KLAYERS_PARALLEL_LOAD_BYTES']);
  return Number.isFinite(set) && set > 0 ? set : PARALLEL_MIN_BYTES;
}

/** The worker's module beside this one; run from TypeScript sources (tests) there is none to start. */
function workerUrl(): URL | null {
  return import.meta.url.endsWith('.js') ? new URL('./worker.js', import.meta.url) : null;
}

/** Byte offset just after the first line break at or after `at`, or null. */
async function lineStartAfter(path: string, at: number): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buf, 0, buf.length, at);
    const nl = buf.subarray(0, bytesRead).indexOf(10);
    return nl < 0 ? null : at + nl + 1;
  } finally {
    await handle.close();
  }
}

/** The second half's worker: resolves with its last message (done or failed). */
function startWorker(url: URL, request: HalfRequest, onBytes: (bytes: number) => void): { worker: Worker; result: Promise<HalfMessage> } {
  const worker = new Worker(url, { workerData: request });
  const result = new Promise<HalfMessage>((resolve) => {
    worker.on('message', (m: HalfMessage) => (m.kind === 'progress' ? onBytes(m.bytes) : resolve(m)));
    worker.on('error', (err) => resolve({ kind: 'failed', reason: err.message }));
    worker.on('exit', (code) => resolve({ kind: 'failed', reason: `worker exited with code ${code}` }));
  });
  return { worker, result };
}

/** Appends the worker's columns to the table's, or returns false when the merge would differ from one read. */
function mergeColumns(table: Table, columns: readonly HalfColumn[]): boolean {
  const fits = table.stored.every(({ data }, k) => {
    const half = columns[k];
    if (!half || half.kind !== data.kind) return false;
    return half.kind === 'number' || !half.labels.includes(OTHER_LABEL);
  });
  if (!fits) return false;
  table.stored.forEach(({ data }, k) => {
    const half = columns[k]!;
    if (data.kind === 'number' && half.kind === 'number') data.append(half.values);
    else if (data.kind === 'codes' && half.kind === 'codes') data.appendCodes(half.codes, half.labels);
  });
  return table.stored.every(({ info, data }) => info.type !== 'binary' || data.kind !== 'codes' || data.labels.length <= 2);
}

/** Reads `source` on two threads, or returns null when it is small or the halves cannot be joined exactly. */
export async function readTableParallel(source: CsvSource, options: ReadOptions): Promise<Table | null> {
  const url = workerUrl();
  if (!url || source.head.size < minBytes()) return null;
  const split = await lineStartAfter(source.path, Math.floor(source.head.size * SPLIT_SHARE));
  if (split === null) return null;
  const firstHalf = source.upTo(split);
  let workerBytes = 0;
  // The progress line counts both threads' bytes.
  const view: CsvSource = Object.create(firstHalf, { bytesRead: { get: () => firstHalf.bytesRead + workerBytes } });
  let started: ReturnType<typeof startWorker> | null = null;
  const onPlan = (columns: readonly ColumnInfo[], sampleSize: number): void => {
    const request: HalfRequest = { path: source.path, delimiter: source.head.delimiter, start: split, columns, dropMissing: options.missing === 'drop', naValues: options.naValues ?? [], sampleSize, batchRows: BATCH_ROWS };
    started = startWorker(url, request, (bytes) => (workerBytes = bytes));
  };
  try {
    const table = await readTable(view, { ...options, onPlan });
    const running = started as ReturnType<typeof startWorker> | null;
    if (!running || table.sampleSize < SAMPLE_ROWS) return null;
    const half = await running.result;
    if (half.kind !== 'done' || !mergeColumns(table, half.columns)) return null;
    return {
      ...table,
      rowCount: table.rowCount + half.rows,
      droppedMissingTarget: table.droppedMissingTarget + half.droppedMissingTarget,
      droppedMissing: table.droppedMissing + half.droppedMissing,
    };
  } catch (err) {
    // A cancel is the user's, not a reason to read again on one thread.
    if (err instanceof LoadCancelled) throw err;
    return null;
  } finally {
    await (started as ReturnType<typeof startWorker> | null)?.worker.terminate();
  }
}
