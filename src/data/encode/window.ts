import { UserError } from '../../core/user-error.js';
import type { EncodeSettings } from './dataset.js';
import { splitRows, type SplitRows } from './split.js';

/**
 * Splits a series into windows in time order. Sample s covers rows s-window-horizon+1 …
 * s-horizon and its target is row s; the rows returned are the target rows, training first, then
 * validation, then test (never shuffled: the future must not leak into training).
 */
export function windowSplits(rowCount: number, window: number, settings: EncodeSettings): SplitRows {
  const horizon = settings.horizon;
  const samples = rowCount - window - horizon + 1;
  if (samples < 2) {
    throw new UserError(`window=${window} horizon=${horizon} needs more than ${window + horizon} rows; the data has ${rowCount}.`, 'Use a smaller window=.');
  }
  const split = splitRows(samples, { ...settings.split, chronological: true }, null);
  const shift = (rows: Uint32Array) => rows.map((r) => r + window + horizon - 1);
  return { train: shift(split.train), validation: shift(split.validation), test: shift(split.test) };
}
