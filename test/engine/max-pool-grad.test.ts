import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';

// MaxPool's gradient on cpu and wasm is klayers' one-pass kernel (src/engine/backend/max-pool-grad.ts).
// It must give what tfjs's own cpu kernel gives, taken here before klayers replaces it: ties
// (the first largest input wins), padding, overlapping windows, -Infinity.
const tfjsCpuKernel = tf.getKernel('MaxPoolGrad', 'cpu')!.kernelFunc;

type Case = { shape: [number, number, number, number]; pool: [number, number]; strides: [number, number]; pad: 'valid' | 'same' };
const CASES: Case[] = [
  { shape: [2, 6, 6, 3], pool: [2, 2], strides: [2, 2], pad: 'valid' },
  { shape: [2, 7, 5, 4], pool: [2, 2], strides: [2, 2], pad: 'valid' },
  { shape: [1, 7, 7, 2], pool: [3, 3], strides: [2, 2], pad: 'same' },
  { shape: [2, 5, 6, 1], pool: [3, 2], strides: [1, 1], pad: 'valid' },
  { shape: [1, 5, 5, 3], pool: [2, 2], strides: [2, 2], pad: 'same' },
];

/** Values with many ties (small integers), a few -Infinity, and dy that tells positions apart. */
function inputs(shape: readonly number[]): { x: Float32Array; size: number } {
  const size = shape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(size);
  for (let i = 0; i < size; i++) x[i] = i % 11 === 5 ? -Infinity : ((i * 7919) % 13) % 4;
  return { x, size };
}

/** The case's input, its pooled output, and an upstream gradient that tells the windows apart (call inside a tidy). */
function pooled(c: Case): { input: tf.Tensor4D; output: tf.Tensor4D; dy: tf.Tensor } {
  const input = tf.tensor4d(inputs(c.shape).x, c.shape);
  const output = tf.maxPool(input, c.pool, c.strides, c.pad);
  return { input, output, dy: tf.linspace(1, 2, output.size).reshape(output.shape) };
}

function ours(c: Case): Float32Array {
  return tf.tidy(() => {
    const { input, dy } = pooled(c);
    return tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(v as tf.Tensor4D, c.pool, c.strides, c.pad), dy)))(input).dataSync() as Float32Array;
  });
}

function tfjs(c: Case): Float32Array {
  return tf.tidy(() => {
    const { input, output, dy } = pooled(c);
    const attrs = { filterSize: c.pool, strides: c.strides, pad: c.pad, dimRoundingMode: undefined };
    const info = tfjsCpuKernel({ inputs: { dy, input, output }, backend: tf.backend(), attrs } as never) as tf.TensorInfo;
    return tf.engine().makeTensorFromTensorInfo(info).dataSync() as Float32Array;
  });
}

test("MaxPool's gradient on cpu and wasm equals tfjs's own cpu kernel", async () => {
  await initBackend('cpu');
  const want = CASES.map(tfjs);
  for (const backend of ['cpu', 'wasm'] as const) {
    await initBackend(backend);
    assert.equal(tf.getBackend(), backend);
    CASES.forEach((c, i) => assert.deepEqual(Array.from(ours(c)), Array.from(want[i]!), `${backend}: ${JSON.stringify(c)}`));
  }
  // The cases do exercise ties and -Infinity: some window's gradient must have gone to one of several equal inputs.
  assert.ok(want.some((dx) => dx.some((v) => v !== 0)));
});
