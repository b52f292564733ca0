import { freemem } from 'node:os';
import { UserError } from '../../core/user-error.js';
import type { CsvHead } from './open.js';

/** Share of the available memory a loaded table may take: reading needs about as much again. */
const TABLE_SHARE = 0.4;
/** Bytes a stored value takes (float32; category codes take half). */
const VALUE_BYTES = 4;

const size = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`);

/**
 * Refuses, before reading, a file whose columns would not fit in memory when the user asked for it
 * to be held (stream=False): such a load would end with the process killed halfway.
 * `ignored` columns (types="col:ignore") are not stored. `available` is the free memory now.
 */
export function checkFitsInMemory(path: string, head: CsvHead, ignored: number, available = freemem()): void {
  if (fitsInMemory(head, ignored, available)) return;
  const { columns, bytes } = tableSize(head, ignored);
  throw new UserError(
    `${path} holds about ${head.estimatedRows.toLocaleString('en-US')} rows × ${columns} columns (≈ ${size(bytes)} in memory), more than the ${size(available)} of memory free can hold while loading.`,
    `Leave out stream=False to read it from disk on every pass, load a sample (e.g. head -n 1000001 ${path} > sample.csv), or leave columns out with types="NAME:ignore".`,
  );
}

/** The columns a file's table stores and their estimated bytes. */
function tableSize(head: CsvHead, ignored: number): { columns: number; bytes: number } {
  const columns = Math.max(1, head.header.length - ignored);
  return { columns, bytes: head.estimatedRows * columns * VALUE_BYTES };
}

/** Whether a file's typed columns fit in the memory free (`available`) while loading. */
export function fitsInMemory(head: CsvHead, ignored: number, available = freemem()): boolean {
  return tableSize(head, ignored).bytes <= available * TABLE_SHARE;
}
