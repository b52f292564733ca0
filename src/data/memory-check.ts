import { freemem } from 'node:os';
import { LayerError } from '../layers/types.js';
import type { CsvHead } from './csv-open.js';

/** Share of the available memory a loaded table may take: reading needs about as much again. */
const TABLE_SHARE = 0.4;
/** Bytes a stored value takes (float32; category codes take half). */
const VALUE_BYTES = 4;

const size = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`);

/**
 * Refuses, before reading, a file whose columns would not fit in memory: klayers keeps a loaded
 * data set in memory as typed columns, so such a load would end with the process killed halfway.
 * `ignored` columns (types="col:ignore") are not stored. `available` is the free memory now.
 */
export function checkFitsInMemory(path: string, head: CsvHead, ignored: number, available = freemem()): void {
  const columns = Math.max(1, head.header.length - ignored);
  const bytes = head.estimatedRows * columns * VALUE_BYTES;
  if (bytes <= available * TABLE_SHARE) return;
  throw new LayerError(
    `${path} holds about ${head.estimatedRows.toLocaleString('en-US')} rows × ${columns} columns (≈ ${size(bytes)} in memory), more than the ${size(available)} of memory free can hold while loading.`,
    `Load a sample (e.g. head -n 1000001 ${path} > sample.csv), or leave columns out with types="NAME:ignore".`,
  );
}
