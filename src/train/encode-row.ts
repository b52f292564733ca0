/**
 * New raw rows encoded exactly as the training rows were: the encoders fitted on the training
 * split (z-score or min-max numbers, one-hot and binary categories, the training mean for a
 * missing number). One raw value per feature column, in the data's column order.
 */
import { isIdent, type Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import type { Dataset } from '../data/encode/dataset.js';
import { encoderWidth, type FeatureEncoder } from '../data/encode/encoders.js';
import { formatValue } from '../lang/format-value.js';

/** The raw value as text (`5.1`, `red`), or null when missing. */
function raw(v: Value | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string') return typeof v === 'string' && v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (isIdent(v)) return v.name;
  throw new UserError(`Expected a number or a label in the row. Received: ${formatValue(v)}`);
}

function encodeValue(e: FeatureEncoder, value: string | number | null, out: Float32Array, at: number): void {
  if (e.kind === 'number') {
    const n = value === null ? NaN : Number(value);
    if (value !== null && Number.isNaN(n)) throw new UserError(`Column '${e.column}' holds numbers. Received: ${formatValue(value)}`);
    out[at] = ((Number.isNaN(n) ? e.fill : n) - e.center) / e.divisor;
  } else if (e.kind === 'binary') {
    const label = String(value ?? '');
    if (label !== e.zero && label !== e.one) throw new UserError(`Column '${e.column}' is '${e.zero}' or '${e.one}'. Received: ${formatValue(value)}`);
    out[at] = label === e.one ? 1 : 0;
  } else {
    const slot = e.vocabulary.indexOf(String(value ?? ''));
    if (slot >= 0) out[at + slot] = 1;
    else if (e.unknownSlot) out[at + e.vocabulary.length] = 1; // unseen: the <unk> slot, else all zeros
  }
}

/** Encodes rows of raw values (one per feature column) into model input. */
export function encodeRows(dataset: Dataset, rows: readonly (readonly Value[])[]): Float32Array {
  if (dataset.settings.window !== undefined) throw new UserError('A windowed series predicts from its own windows.', 'Use predict test.');
  const encoders = dataset.encoders;
  const width = encoders.reduce((n, e) => n + encoderWidth(e), 0);
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, r) => {
    if (row.length !== encoders.length) {
      const names = encoders.map((e) => e.column);
      const shown = names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
      throw new UserError(`The data has ${encoders.length} feature columns (${shown}); the row has ${row.length} values.`, `Example: predict ${encoders.map((e) => (e.kind === 'number' ? pretty(e.mean) : e.kind === 'binary' ? e.zero : (e.vocabulary[0] ?? ''))).join(',')}`);
    }
    let at = r * width;
    encoders.forEach((e, k) => {
      encodeValue(e, raw(row[k]), out, at);
      at += encoderWidth(e);
    });
  });
  return out;
}

const pretty = (v: number) => String(Math.round(v * 100) / 100);
