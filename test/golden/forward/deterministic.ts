/**
 * The deterministic weights and inputs of scripts/keras-golden/forward.py, recomputed bit for bit:
 * each index goes through murmur3's 32-bit finalizer to a float64 in [-1, 1) with 24 significant
 * bits, times a scale, rounded to float32. Integer math is exact on both sides, and so are the
 * float64 multiply and the float32 rounding, so the values equal the ones Keras was given.
 */

/** n floats in [-1, 1), as forward.py's `hash_uniform(seed, n)`. */
export function hashUniform(seed: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const offset = Math.imul(seed, 0x9e3779b9) >>> 0;
  for (let i = 0; i < n; i++) {
    let h = (i + offset) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    out[i] = ((h >>> 8) / 16777216) * 2 - 1;
  }
  return out;
}

/** forward.py's `deterministic(seed, shape, scale)`: float32 values, row-major. */
export function deterministic(seed: number, shape: readonly number[], scale: number): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const u = hashUniform(seed, n);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = u[i]! * scale;
  return out;
}

/** What forward.py's `checksum` records, to prove both sides hold the same values. */
export interface Checksum {
  readonly sum: number;
  readonly abs_sum: number;
  readonly first: readonly number[];
}

/** Why `values` do not match the Keras checksum, or null when they do. */
export function checksumDifference(values: Float32Array | Int32Array, expected: Checksum): string | null {
  let sum = 0;
  let absSum = 0;
  for (const v of values) {
    sum += v;
    absSum += Math.abs(v);
  }
  const first = Array.from(values.slice(0, 3));
  if (first.some((v, i) => v !== expected.first[i])) return `first values ${first.join(', ')} vs Keras ${expected.first.join(', ')}`;
  // Summation order differs from numpy's pairwise sum, so only the last bits may differ.
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, expected.abs_sum);
  if (!close(sum, expected.sum) || !close(absSum, expected.abs_sum)) return `sum ${sum} / abs ${absSum} vs Keras ${expected.sum} / ${expected.abs_sum}`;
  return null;
}

/** base64 little-endian float32, as forward.py's `b64`. */
export function decodeFloat32(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
