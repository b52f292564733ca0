import type { RawSource } from '../../src/data/table/source.js';

/** A RawSource over rows in memory, as a builtin set is. */
export function memorySource(header: readonly string[], rows: readonly (readonly string[])[], name = 'memory'): RawSource {
  return {
    name,
    header,
    firstDataLine: null,
    async *batches(batchSize: number) {
      for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize);
    },
  };
}

/** Rows from a function of the row index. */
export function rowsOf(count: number, row: (i: number) => readonly (string | number)[]): string[][] {
  return Array.from({ length: count }, (_, i) => row(i).map(String));
}
