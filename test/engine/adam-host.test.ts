/**
 * Adam's update computed on the host (wasm and cpu) gives, bit for bit, what Keras's formula
 * written as tensor ops gives, so moving it off the kernels changes no loss a user sees.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { KerasAdam } from '../../src/engine/train/keras-optimizers.js';

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

for (const backend of ['cpu', 'wasm']) {
  test(`Adam on the ${backend} backend: five host-computed steps equal the tensor formula exactly`, async (t) => {
    if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend(backend))) return t.skip('wasm did not start');
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
