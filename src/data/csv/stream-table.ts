/**
 * Files larger than memory: the load reads the file once to check every row, count them and tally
 * each column, keeping only the head rows; every later pass (the training statistics, each epoch,
 * evaluate, predict) reads it again batch by batch. Memory is a batch plus the tallies and the
 * text columns' labels, whatever the file's size.
 */
import { stat } from 'node:fs/promises';
import { UserError } from '../../core/user-error.js';
import { ColumnTally } from '../table/column-tally.js';
import type { CsvSource } from './source.js';
import { BATCH_ROWS, LoadCancelled, readTable, type ReadOptions } from './read-table.js';
import { HEAD_ROWS, RowIngest } from './row-ingest.js';
import type { StoredColumn, Table } from '../table/table.js';

async function stampOf(path: string): Promise<{ size: number; mtimeMs: number }> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: s.mtimeMs };
}

/** The first pass: a Table whose `stored` columns hold the head rows only. */
export async function readStreamedTable(source: CsvSource, options: ReadOptions, why: string): Promise<Table> {
  const stamp = await stampOf(source.path);
  let all: ColumnTally[] | null = null;
  const table = await readTable(source, {
    ...options,
    onRows: (ingest, from) => {
      all ??= ingest.stored.map(() => new ColumnTally());
      ingest.stored.forEach((c, k) => all![k]!.add(c.data, null, from));
      ingest.truncate(HEAD_ROWS);
    },
  });
  return { ...table, streamed: { source, all: all!, dropMissing: options.missing === 'drop', naValues: options.naValues ?? [], why, stamp } };
}

function changed(table: Table): UserError {
  return new UserError(`${table.name} changed since it was loaded, and a streamed file is read again on every pass.`, `Load it again: load ${table.name}`);
}

/**
 * One more pass over a streamed table's file: per batch of rows, the stored columns holding just
 * that batch's rows (valid until the next batch), coded with the labels of the first pass. The
 * rows are the ones the first pass accepted, in the same order.
 */
export async function* streamedColumns(table: Table, signal?: AbortSignal): AsyncGenerator<readonly StoredColumn[]> {
  const streamed = table.streamed!;
  const { source } = streamed;
  const now = await stampOf(source.path).catch(() => null);
  if (!now || now.size !== streamed.stamp.size || now.mtimeMs !== streamed.stamp.mtimeMs) throw changed(table);
  const labels = new Map(table.stored.flatMap((c) => (c.data.kind === 'codes' ? [[c.info.name, c.data.labels] as const] : [])));
  const ingest = new RowIngest(table.columns, streamed.dropMissing, table.sampleSize, labels, streamed.naValues);
  let rowsBefore = 0;
  for await (const batch of source.batches(BATCH_ROWS)) {
    if (signal?.aborted) throw new LoadCancelled(source.name, '');
    ingest.truncate(0);
    const first = rowsBefore;
    ingest.addBatch(batch, (i) => ({ source: source.name, line: source.lineOf(i), row: first + i + 1 }));
    rowsBefore += batch.length;
    if (ingest.rows > table.rowCount) throw changed(table);
    yield ingest.stored;
  }
  if (ingest.rows !== table.rowCount) throw changed(table);
}

/** A streamed table's tally over every row for `name`, or null for a table in memory. */
export function streamedTally(table: Table, name: string): ColumnTally | null {
  const k = table.stored.findIndex((c) => c.info.name === name);
  return table.streamed && k >= 0 ? table.streamed.all[k]! : null;
}
