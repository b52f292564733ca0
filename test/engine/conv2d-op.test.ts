import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { useConv2dOp } from '../../src/engine/layers/conv2d-op.js';
import { dropInputGradient } from '../../src/engine/layers/layer-op.js';

// Conv2D's own op (src/engine/layers/conv2d-op.ts) must give what tfjs's Conv2D layer gives:
// output and the gradients of the input, the kernel and the bias; and, for the model's first
// layer, the same weight gradients without computing the input's.

type Case = { activation: 'relu' | 'linear'; useBias: boolean; strides: [number, number]; padding: 'valid' | 'same' };
const CASES: Case[] = [
  { activation: 'relu', useBias: true, strides: [1, 1], padding: 'valid' },
  { activation: 'linear', useBias: true, strides: [2, 1], padding: 'same' },
  { activation: 'relu', useBias: false, strides: [2, 2], padding: 'same' },
];

function pair(c: Case): [tf.layers.Layer, tf.layers.Layer] {
  const config = { filters: 3, kernelSize: [3, 2] as [number, number], ...c };
  const own = tf.layers.conv2d(config);
  const op = useConv2dOp(tf.layers.conv2d(config), c.activation);
  own.build([2, 7, 6, 2]);
  op.build([2, 7, 6, 2]);
  op.setWeights(own.getWeights().map((w, i) => tf.randomUniform(w.shape, -1, 1, 'float32', 11 + i)));
  own.setWeights(op.getWeights());
  return [own, op];
}

function run(layer: tf.layers.Layer, x: tf.Tensor, inputGradient: boolean): Float32Array[] {
  return tf.tidy(() => {
    const weights = layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
    const f = (input: tf.Tensor) => {
      const y = layer.apply(input, { training: true }) as tf.Tensor;
      return tf.sum(tf.mul(y, tf.linspace(-1, 2, y.size).reshape(y.shape))) as tf.Scalar;
    };
    const y = layer.apply(x) as tf.Tensor;
    const { grads } = tf.variableGrads(() => f(x), weights);
    const dx = inputGradient ? [tf.grad(f)(x)] : [];
    return [y, ...dx, ...weights.map((w) => grads[w.name]!)].map((t) => t.dataSync() as Float32Array);
  });
}

function close(ours: Float32Array, want: Float32Array, what: string): void {
  assert.equal(ours.length, want.length, what);
  ours.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) <= 1e-5 * Math.max(1, Math.abs(want[i]!)), `${what}[${i}]: ours ${v}, tfjs ${want[i]}`));
}

test("Conv2D's op gives tfjs Conv2D's output and gradients on cpu, wasm and native TensorFlow when it is here", async () => {
  const native = await initBackend('tensorflow').then(() => true, () => false);
  for (const backend of ['cpu', 'wasm', ...(native ? ['tensorflow' as const] : [])] as const) {
    await initBackend(backend);
    for (const c of CASES) {
      const [own, op] = pair(c);
      const x = tf.randomNormal([2, 7, 6, 2], 0, 1, 'float32', 5);
      const what = `${backend} ${JSON.stringify(c)}`;
      const [expected, actual] = [run(own, x, true), run(op, x, true)];
      actual.forEach((v, i) => close(v, expected[i]!, `${what} ${['output', 'dx', 'dkernel', 'dbias'][i]}`));
      // As the model's first layer: the weight gradients, and no Conv2DBackpropInput.
      assert.ok(dropInputGradient(op));
      const first = run(op, x, false);
      [expected[0]!, ...expected.slice(2)].forEach((v, i) => close(first[i]!, v, `${what} first layer ${i}`));
      const weights = op.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
      const profile = await tf.profile(() => tf.dispose(Object.values(tf.variableGrads(() => tf.sum(op.apply(x, { training: true }) as tf.Tensor) as tf.Scalar, weights).grads)));
      assert.ok(!profile.kernels.some((k) => k.name === 'Conv2DBackpropInput'), `${what}: ${profile.kernels.map((k) => k.name).join(' ')}`);
      x.dispose();
    }
  }
});
