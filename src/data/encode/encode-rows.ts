import { encoderWidth, type FeatureEncoder } from './encoders.js';
import type { TargetEncoder } from './targets.js';
import type { StoredColumn } from '../table/table.js';

/** Encoded features of `rows` (row-major, `rows.length × width`), one column at a time. */
export function encodeFeatures(encoders: readonly FeatureEncoder[], columns: readonly StoredColumn[], rows: Uint32Array, width: number): Float32Array {
  const x = new Float32Array(rows.length * width);
  let offset = 0;
  encoders.forEach((e, k) => {
    const data = columns[k]!.data;
    if (e.kind === 'number' && data.kind === 'number') {
      const values = data.values;
      const { fill, center, divisor } = e;
      for (let i = 0, at = offset; i < rows.length; i++, at += width) {
        const v = values[rows[i]!]!;
        x[at] = ((v !== v ? fill : v) - center) / divisor;
      }
    } else if (e.kind === 'one-hot' && data.kind === 'codes') {
      const codes = data.codes;
      for (let i = 0, at = offset; i < rows.length; i++, at += width) {
        const slot = e.slotOfCode[codes[rows[i]!]!]!;
        if (slot >= 0) x[at + slot] = 1;
      }
    } else if (e.kind === 'binary' && data.kind === 'codes') {
      const codes = data.codes;
      for (let i = 0, at = offset; i < rows.length; i++, at += width) x[at] = e.valueOfCode[codes[rows[i]!]!]!;
    }
    offset += encoderWidth(e);
  });
  return x;
}

/**
 * The targets of `rows` as the data set stores them (row-major, `rows.length × encoders.length`):
 * a classification target's class index (into its classes), a regression target's number. The
 * form a loss needs (one-hot for categorical_crossentropy) is built from these where the data is
 * handed to the engine, not here.
 */
export function encodeTargets(encoders: readonly TargetEncoder[], columns: readonly StoredColumn[], rows: Uint32Array): Float32Array {
  const width = encoders.length;
  const y = new Float32Array(rows.length * width);
  encoders.forEach((t, k) => {
    const data = columns[k]!.data;
    for (let i = 0, at = k; i < rows.length; i++, at += width) {
      const r = rows[i]!;
      if (t.kind === 'number' && data.kind === 'number') y[at] = data.values[r]!;
      else if (data.kind === 'codes') y[at] = t.kind === 'number' ? 0 : t.classOfCode[data.codes[r]!]!;
    }
  });
  return y;
}
