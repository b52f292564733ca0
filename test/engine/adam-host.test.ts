/**
 * Adam's update computed on the host (wasm, cpu and native TensorFlow) gives, bit for bit, what
 * Keras's formula written as tensor ops gives, so moving it off the kernels changes no loss a user
 * sees; and updating the slots in place never changes a tensor that shares their buffer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { KerasAdam } from '../../src/engine/train/keras-optimizers.js';
import { adamOnHost } from '../../src/engine/train/adam-host.js';
import { initBackend } from '../../src/engine/index.js';

const CONFIG = { learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false };

/** Keras's update_step as float32 tensor ops, for `steps` gradients. */
function tensorAdam(w0: tf.Tensor, grads: tf.Tensor[]): Float32Array {
  return tf.tidy(() => {
    let [w, m, v] = [w0, tf.zerosLike(w0), tf.zerosLike(w0)];
    grads.forEach((g, i) => {
      const step = i + 1;
      const alpha = (CONFIG.learning_rate * Math.sqrt(1 - CONFIG.beta_2 ** step)) / (1 - CONFIG.beta_1 ** step);
      m = tf.add(m, tf.mul(tf.sub(g, m), 1 - CONFIG.beta_1));
      v = tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - CONFIG.beta_2));
      w = tf.sub(w, tf.div(tf.mul(m, alpha), tf.add(tf.sqrt(v), CONFIG.epsilon)));
    });
    return w.dataSync() as Float32Array;
  });
}

const native = await initBackend('tensorflow').then(
  () => null,
  (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
);

for (const backend of ['cpu', 'wasm', 'tensorflow'] as const) {
  const skip = backend === 'tensorflow' && native !== null ? `native TensorFlow is not loaded here: ${native}` : false;
  test(`Adam on the ${backend} backend: five host-computed steps equal the tensor formula exactly`, { skip }, async () => {
    await initBackend(backend);
    assert.equal(tf.getBackend(), backend);
    const w0 = tf.randomNormal([7, 5], 0, 1, 'float32', 1);
    const grads = [2, 3, 4, 5, 6].map((seed) => tf.randomNormal([7, 5], 0, 1, 'float32', seed));
    const expected = tensorAdam(w0, grads);
    const w = tf.variable(w0.clone(), true, `adam_host_${backend}`);
    const opt = new KerasAdam(CONFIG);
    const before = tf.memory().numTensors;
    for (const g of grads) opt.applyGradients({ [w.name]: g });
    assert.deepEqual(Array.from(w.dataSync()), Array.from(expected));
    assert.equal(tf.memory().numTensors, before + 2, 'only the two slots are kept');
    opt.dispose();
    tf.dispose([w, w0, ...grads]);
  });
}

test("Adam on the host leaves a tensor that shares a variable's buffer as it was (a clone of a weight or a slot)", async () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    await initBackend(backend);
    const [w, m, v] = [tf.variable(tf.tensor1d([1, 2, 3])), tf.variable(tf.tensor1d([0.5, 0.5, 0.5])), tf.variable(tf.zeros([3]))];
    const g = tf.tensor1d([1, -1, 2]);
    const held = [tf.clone(w), tf.clone(m)];
    adamOnHost(w, g, m, v, { b1: 0.9, b2: 0.999, alpha: 0.1, epsilon: 1e-7 });
    assert.deepEqual(held.map((t) => Array.from(t.dataSync())), [[1, 2, 3], [0.5, 0.5, 0.5]], backend);
    assert.notDeepEqual(Array.from(w.dataSync()), [1, 2, 3], `${backend}: the weights did change`);
    assert.deepEqual(Array.from(m.dataSync()).map((x) => Math.round(x * 1e6) / 1e6), [0.55, 0.35, 0.65], `${backend}: m += (g - m)·0.1`);
    tf.dispose([w, m, v, g, ...held]);
  }
});
