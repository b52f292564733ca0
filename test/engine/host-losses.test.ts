import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { lossFunction } from '../../src/engine/train/losses.js';

// Categorical crossentropy and mean squared error are computed in one host pass with a hand-written gradient
// (src/engine/train/losses.ts). It must equal Keras's formula written as tensor ops,
// -Σ t·log(clip(p / Σp, 1e-7, 1 - 1e-7)), in value and in gradient: rows whose
// prediction hits the clip (a class at ~0 and one at ~1), unnormalized rows, sequences (rank 3).

const EPS = 1e-7;
const keras = (t: tf.Tensor, p: tf.Tensor) => tf.neg(tf.sum(tf.mul(t, tf.log(tf.clipByValue(tf.div(p, tf.sum(p, -1, true)), EPS, 1 - EPS))), -1));

const P = [
  [0.2, 0.3, 0.5],
  [1e-9, 1 - 2e-9, 1e-9], // clipped on both sides
  [2, 1, 1], // not normalized
  [0.1, 0.1, 0.8],
];
const T = [
  [0, 0, 1],
  [1, 0, 0], // its class is below the clip: no gradient through it
  [0.25, 0.25, 0.5], // soft labels
  [0, 1, 0],
];
const LABELS = [2, 1, 0, 7]; // 7 is out of range: scores 0, as oneHot gives

function valueAndGrad(loss: (t: tf.Tensor, p: tf.Tensor) => tf.Tensor, t: tf.Tensor, p: tf.Tensor): [number[], number[]] {
  return tf.tidy(() => {
    const w = tf.linspace(0.5, 1.5, p.size / p.shape[p.rank - 1]!).reshape(p.shape.slice(0, -1));
    const value = Array.from(loss(t, p).dataSync());
    const grad = tf.grad((q: tf.Tensor) => tf.sum(tf.mul(loss(t, q), w)))(p);
    return [value, Array.from(grad.dataSync())];
  });
}

function close(ours: number[], want: number[], what: string): void {
  assert.equal(ours.length, want.length, what);
  ours.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) <= 1e-5 * Math.max(1, Math.abs(want[i]!)), `${what}[${i}]: ours ${v}, Keras's formula ${want[i]}`));
}

test("categorical and sparse categorical crossentropy equal Keras's formula in value and gradient, on every backend", async () => {
  const native = await initBackend('tensorflow').then(() => true, () => false);
  for (const backend of ['cpu', 'wasm', ...(native ? ['tensorflow' as const] : [])] as const) {
    await initBackend(backend);
    tf.tidy(() => {
      const p = tf.tensor2d(P);
      const [ours, want] = [valueAndGrad(lossFunction('categorical_crossentropy'), tf.tensor2d(T), p), valueAndGrad(keras, tf.tensor2d(T), p)];
      close(ours[0], want[0], `${backend} categorical loss`);
      close(ours[1], want[1], `${backend} categorical gradient`);
      assert.equal(ours[1][3], 0, 'the clipped class passes no gradient');

      const oneHot = tf.tensor2d(LABELS.map((l) => [0, 1, 2].map((j) => (j === l ? 1 : 0))));
      const [sparse, dense] = [valueAndGrad(lossFunction('sparse_categorical_crossentropy'), tf.tensor2d(LABELS, [4, 1]), p), valueAndGrad(keras, oneHot, p)];
      close(sparse[0], dense[0], `${backend} sparse loss`);
      close(sparse[1], dense[1], `${backend} sparse gradient`);

      const seq = tf.tensor3d([P, [...P].reverse()]);
      const seqT = tf.tensor3d([T, [...T].reverse()]);
      const [s1, s2] = [valueAndGrad(lossFunction('categorical_crossentropy'), seqT, seq), valueAndGrad(keras, seqT, seq)];
      close(s1[0], s2[0], `${backend} sequence loss`);
      close(s1[1], s2[1], `${backend} sequence gradient`);
    });
  }
});

test("mean squared error equals Keras's formula in value and gradient, on every backend, for any rank", async () => {
  const formula = (t: tf.Tensor, p: tf.Tensor) => tf.mean(tf.square(tf.sub(t, p)), -1);
  const native = await initBackend('tensorflow').then(() => true, () => false);
  for (const backend of ['cpu', 'wasm', ...(native ? ['tensorflow' as const] : [])] as const) {
    await initBackend(backend);
    tf.tidy(() => {
      for (const shape of [[5, 1], [3, 4], [2, 3, 2]]) {
        const n = shape.reduce((a, b) => a * b, 1);
        const t = tf.tensor(Array.from({ length: n }, (_, i) => Math.sin(i) * 2), shape);
        const p = tf.tensor(Array.from({ length: n }, (_, i) => Math.cos(i * 1.7)), shape);
        const [ours, want] = [valueAndGrad(lossFunction('mean_squared_error'), t, p), valueAndGrad(formula, t, p)];
        close(ours[0], want[0], `${backend} ${JSON.stringify(shape)} loss`);
        close(ours[1], want[1], `${backend} ${JSON.stringify(shape)} gradient`);
      }
    });
  }
});

test("Huber's loss (delta 1) is Keras's in value and gradient on both sides of delta, and differentiable for fit", async () => {
  await initBackend('cpu');
  tf.tidy(() => {
    // Errors p - t: 0.5 and -0.25 inside delta, 3 and -2 outside, 0 and exactly 1 on the edges.
    const t = tf.tensor2d([[0, 0, 1], [0, 1, 0]]);
    const p = tf.tensor2d([[0.5, -0.25, 4], [-2, 1, 1]]);
    const errors = [[0.5, -0.25, 3], [-2, 0, 1]];
    // Keras: 0.5 e² where |e| <= 1, |e| - 0.5 elsewhere, averaged over the last axis.
    const keras = errors.map((row) => row.reduce((s, e) => s + (Math.abs(e) <= 1 ? 0.5 * e * e : Math.abs(e) - 0.5), 0) / row.length);
    const [loss, gradient] = valueAndGrad(lossFunction('huber'), t, p);
    close(loss, keras, 'huber loss');
    // valueAndGrad weighs the two rows 0.5 and 1.5; each value's gradient is its error clipped to [-1, 1], over the row's 3 values.
    close(gradient, errors.flatMap((row, r) => row.map((e) => ((r === 0 ? 0.5 : 1.5) * Math.max(-1, Math.min(1, e))) / 3)), 'huber gradient');
  });
});
