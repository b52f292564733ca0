/**
 * Keras's Orthogonal initializer with the QR on the host. tfjs's runs a Householder QR as tensor
 * ops, column by column: 15 s on the cpu backend for LSTM(128)'s 128×512 recurrent kernel (0.3 s
 * on wasm and native), paid at every build. The same normal draws, and the same Q: Gram-Schmidt's
 * (in float64) is the QR whose R has a positive diagonal, which is what tfjs and Keras make of
 * theirs by multiplying Q's columns by the signs of R's diagonal. Then the same transpose for a
 * wide matrix, gain and reshape. It stays tfjs's Orthogonal class (its name and config), so
 * saving and reading models is unchanged.
 */
import * as tf from '../backend/tf.js';

type Initializer = ReturnType<typeof tf.initializers.orthogonal>;

/** An n×m matrix (row-major, n ≥ m) made orthonormal column by column (modified Gram-Schmidt). */
function orthonormalColumns(values: ArrayLike<number>, n: number, m: number): Float64Array {
  const q = Float64Array.from(values);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i * m + k]! * q[i * m + j]!;
      for (let i = 0; i < n; i++) q[i * m + j]! -= dot * q[i * m + k]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * m + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i * m + j]! /= norm;
  }
  return q;
}

/** tfjs's Orthogonal initializer, computing its values as described above. */
export function orthogonal(gain: number, seed: number | undefined): Initializer {
  const init = tf.initializers.orthogonal({ gain, seed });
  const own = init.apply.bind(init);
  init.apply = (shape: number[], dtype?: tf.DataType) => {
    if (shape.length < 2) return own(shape, dtype); // tfjs's own message for a shape it cannot fill
    const cols = shape[shape.length - 1]!;
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const [n, m] = [Math.max(rows, cols), Math.min(rows, cols)];
    const draws = tf.tidy(() => tf.randomNormal([n, m], 0, 1, 'float32', seed).dataSync());
    const q = orthonormalColumns(draws, n, m);
    const out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (rows < cols ? q[c * m + r]! : q[r * m + c]!);
    return tf.tensor(out, shape, dtype);
  };
  return init;
}
