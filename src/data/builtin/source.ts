import type { RawSource } from '../table/source.js';
import type { BuiltinSet, ResolvedOptions } from './set.js';

/**
 * Wraps a set and its resolved options as the RawSource the loader reads. Rows are produced on
 * demand, batch by batch, so a million-row `n=` costs one batch of memory; every `batches()` call
 * restarts the generator from its seed and so yields the same rows again.
 */
export function builtinSource(set: BuiltinSet, options: ResolvedOptions): RawSource {
  const source: RawSource = {
    name: `builtin:${set.name}`,
    header: set.header,
    firstDataLine: null,
    defaultTarget: set.defaultTarget,
    description: set.describe(options),
    batches: (batchSize: number) => batchRows(set.rows(options), batchSize),
  };
  const typed = set.columnTypes ? { ...source, columnTypes: set.columnTypes } : source;
  return set.suggestedReshape ? { ...typed, suggestedReshape: set.suggestedReshape } : typed;
}

async function* batchRows(rows: Iterable<readonly string[]>, batchSize: number): AsyncIterable<readonly (readonly string[])[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`Expected batchSize to be a positive integer. Received: batchSize=${batchSize}`);
  }
  let batch: (readonly string[])[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
