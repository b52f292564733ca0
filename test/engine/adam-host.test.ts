import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { adamOnHost } from '../../src/engine/train/adam-host.js';

// Adam on the host must give, bit for bit, what Keras's tensor formula gives on the same backend
// (src/engine/train/keras-optimizers.ts runs one or the other by variable size).

const native = await initBackend('tensorflow').then(
  () => true,
  () => false,
);

function threeSteps(host: boolean): number[][] {
  const n = 257;
  const w = tf.variable(tf.tensor1d(Array.from({ length: n }, (_, i) => Math.sin(i) * 3)));
  const [m, v] = [tf.variable(tf.zeros([n])), tf.variable(tf.zeros([n]))];
  const [b1, b2, lr, epsilon] = [0.9, 0.999, 0.01, 1e-7];
  for (let step = 1; step <= 3; step++) {
    const g = tf.tensor1d(Array.from({ length: n }, (_, i) => Math.cos(i * step) * (i % 5 === 0 ? 1e-4 : 2)));
    const alpha = (lr * Math.sqrt(1 - b2 ** step)) / (1 - b1 ** step);
    if (host) adamOnHost(w, g, m, v, { b1, b2, alpha, epsilon });
    else
      tf.tidy(() => {
        m.assign(tf.add(m, tf.mul(tf.sub(g, m), 1 - b1)));
        v.assign(tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - b2)));
        w.assign(tf.sub(w, tf.div(tf.mul(m, alpha), tf.add(tf.sqrt(v), epsilon))));
      });
    g.dispose();
  }
  const out = [w, m, v].map((t) => Array.from(t.dataSync()));
  tf.dispose([w, m, v]);
  return out;
}

test("Adam on the host equals Keras's tensor formula bit for bit on cpu, wasm and native TensorFlow", async () => {
  for (const backend of ['cpu', 'wasm', ...(native ? ['tensorflow' as const] : [])] as const) {
    await initBackend(backend);
    assert.equal(tf.getBackend(), backend);
    assert.deepEqual(threeSteps(true), threeSteps(false), backend);
  }
});

test('Adam on the host leaves a tensor that shares a variable\'s buffer as it was (a clone of a weight or a slot)', async () => {
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
