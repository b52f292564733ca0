import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, disposeModel, initBackend } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

// The model's input needs no gradient: a training step must not compute one for it (tfjs's fused
// Conv2D and Dense kernels did), while a later layer's input gradient is still computed.

async function kernelsOfStep(texts: string[], inputShape: (number | null)[]): Promise<string[]> {
  const model = await buildModel(kerasPlan(inputShape, texts));
  const x = tf.randomNormal([2, ...(inputShape.slice(1) as number[])], 0, 1, 'float32', 1);
  const weights = model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const profile = await tf.profile(() => {
    const { value, grads } = tf.variableGrads(() => tf.sum(model.apply(x) as tf.Tensor) as tf.Scalar, weights);
    value.dispose();
    tf.dispose(Object.values(grads));
  });
  disposeModel(model);
  x.dispose();
  return profile.kernels.map((k) => k.name);
}

test('a first Conv2D computes no gradient for the input data; a second Conv2D still passes its gradient back', async () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    await initBackend(backend);
    const one = await kernelsOfStep(["Conv2D(4, 3, activation='relu')", 'Flatten()', 'Dense(1)'], [null, 6, 6, 1]);
    assert.ok(one.includes('Conv2DBackpropFilter'), `${backend}: ${one.join(' ')}`);
    assert.ok(!one.includes('Conv2DBackpropInput'), `${backend}: the input's gradient was computed: ${one.join(' ')}`);
    const two = await kernelsOfStep(['Conv2D(4, 3)', "Conv2D(2, 3, activation='relu')", 'Flatten()', 'Dense(1)'], [null, 7, 7, 1]);
    assert.equal(two.filter((k) => k === 'Conv2DBackpropInput').length, 1, `${backend}: ${two.join(' ')}`);
  }
});
