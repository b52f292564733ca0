import { encoderWidth, type FeatureEncoder } from './encoders.js';
import type { TargetEncoder } from './targets.js';
import { targetWidth } from './targets.js';
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

/** Encoded targets of `rows`: one-hot classes, 0/1, or the numbers as they are. */
export function encodeTargets(encoders: readonly TargetEncoder[], columns: readonly StoredColumn[], rows: Uint32Array): Float32Array {
  const width = encoders.reduce((n, t) => n + targetWidth(t), 0);
  const y = new Float32Array(rows.length * width);
  let offset = 0;
  encoders.forEach((t, k) => {
    const data = columns[k]!.data;
    for (let i = 0, at = offset; i < rows.length; i++, at += width) {
      const r = rows[i]!;
      if (t.kind === 'number' && data.kind === 'number') y[at] = data.values[r]!;
      else if (data.kind === 'codes') {
        const cls = t.kind === 'number' ? 0 : t.classOfCode[data.codes[r]!]!;
        if (t.kind === 'one-hot') y[at + cls] = 1;
        else y[at] = cls;
      }
    }
    offset += targetWidth(t);
  });
  return y;
}
