import type { RawSource } from '../../src/data/table/source.js';

/** Every row of a source, read through batches() the way the loader reads it. */
export async function readAll(source: RawSource, batchSize = 64): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of source.batches(batchSize)) for (const row of batch) rows.push([...row]);
  return rows;
}

/** Column `name` of `rows` as numbers. */
export function numbers(source: RawSource, rows: readonly string[][], name: string): number[] {
  const index = source.header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name}`);
  return rows.map((row) => Number(row[index]));
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Population standard deviation. */
export function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}
