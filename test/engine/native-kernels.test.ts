import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { useArgmaxPool } from '../../src/engine/layers/max-pool-argmax.js';

// On native TensorFlow, ReLU's gradient runs as TensorFlow's ReluGrad and Step(alpha 0) as
// cast(x > 0) (src/engine/backend/native/kernels.ts). Both must give what the cpu backend's
// kernels give: dy where the input is > 0, 0 where it is <= 0 (exactly 0 included).

const X = [-2, -0.5, 0, 0, 0.25, 1, 3, -1e-8, 1e-8, 0, -3, 2];
const DY = X.map((_, i) => 0.5 + i / 7);

/** d/dx of sum(dy · f(x)) for the three ways a ReLU reaches the tape. */
function gradients(): Record<string, number[]> {
  return tf.tidy(() => {
    const x = tf.tensor2d(X, [3, 4]);
    const dy = tf.tensor2d(DY, [3, 4]);
    const w = tf.tensor2d([1, 0.5, -0.25, 2, -1, 0.75, 0.5, -0.5, 1.5, 0.25, -2, 1, 0.1, 0.2, 0.3, 0.4], [4, 4]);
    const image = tf.reshape(x, [1, 3, 4, 1]);
    const filter = tf.tensor4d([1, -1, 0.5, 2], [2, 2, 1, 1]);
    const dyImage = tf.tensor4d(DY.slice(0, 6), [1, 2, 3, 1]);
    const read = (t: tf.Tensor) => Array.from(t.dataSync());
    return {
      relu: read(tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.relu(v), dy)))(x)),
      step: read(tf.step(x)),
      fusedMatMul: read(tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.fused.matMul({ a: v, b: w, activation: 'relu' }), dy)))(x)),
      fusedConv2d: read(tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.fused.conv2d({ x: v as tf.Tensor4D, filter, strides: 1, pad: 'valid', activation: 'relu' }), dyImage)))(image)),
    };
  });
}

const native = await initBackend('tensorflow').then(
  () => null,
  (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
);

test('on native TensorFlow, ReLU gradients and Step equal the cpu kernels', { skip: native === null ? false : `native TensorFlow is not loaded here: ${native}` }, async () => {
  await initBackend('tensorflow');
  const ours = gradients();
  await initBackend('cpu');
  const cpu = gradients();
  assert.deepEqual(ours.relu, cpu.relu);
  assert.deepEqual(ours.step, cpu.step);
  assert.deepEqual(ours.relu, X.map((x, i) => (x > 0 ? Math.fround(DY[i]!) : 0)));
  for (const key of ['fusedMatMul', 'fusedConv2d'] as const) {
    ours[key]!.forEach((v, i) => assert.ok(Math.abs(v - cpu[key]![i]!) <= 1e-6 * Math.max(1, Math.abs(cpu[key]![i]!)), `${key}[${i}]: native ${v}, cpu ${cpu[key]![i]}`));
  }
});

test('on native TensorFlow, a training MaxPooling2D (MaxPoolWithArgmax) gives the plain pool and its gradient, and frees what it saved', { skip: native === null ? false : `native TensorFlow is not loaded here: ${native}` }, async () => {
  await initBackend('tensorflow');
  for (const [poolSize, strides, padding] of [
    [[2, 2], [2, 2], 'valid'],
    [[3, 3], [2, 2], 'same'],
    [[2, 3], [1, 2], 'valid'],
  ] as [[number, number], [number, number], 'valid' | 'same'][]) {
    const plain = tf.layers.maxPooling2d({ poolSize, strides, padding });
    const argmax = useArgmaxPool(tf.layers.maxPooling2d({ poolSize, strides, padding }));
    // Small integers: many ties, which both must break the same way.
    const x = tf.tensor4d(Array.from({ length: 2 * 7 * 6 * 3 }, (_, i) => ((i * 7919) % 13) % 4), [2, 7, 6, 3]);
    const run = (layer: tf.layers.Layer) =>
      tf.tidy(() => {
        const y = layer.apply(x, { training: true }) as tf.Tensor;
        const w = tf.linspace(1, 2, y.size).reshape(y.shape);
        const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(layer.apply(v, { training: true }) as tf.Tensor, w)))(x);
        return [Array.from(y.dataSync()), Array.from(dx.dataSync())];
      });
    const before = tf.memory().numTensors;
    const ours = run(argmax);
    assert.equal(tf.memory().numTensors, before, 'tensors left behind');
    assert.deepEqual(ours, run(plain), JSON.stringify([poolSize, strides, padding]));
    x.dispose();
  }
});
