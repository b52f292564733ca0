/**
 * klayers' Keras-rule optimizers as tfjs optimizers: Keras's own docstring example, their state
 * (iterations and slots) surviving getWeights/setWeights, and no tensors left after dispose.
 * Their numbers over several fit steps are checked against real Keras in test/golden/training.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { KerasAdam, KerasRMSprop } from '../../src/engine/train/keras-optimizers.js';

const RMSPROP = { learning_rate: 0.1, rho: 0.9, momentum: 0.0, epsilon: 1e-7, centered: false };
const ADAM = { learning_rate: 0.05, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: true };

test("RMSprop(learning_rate=0.1) on loss = var**2 / 2 from 10.0 gives 9.683772, as Keras's docstring shows", async () => {
  await tf.setBackend('cpu');
  const v = tf.variable(tf.scalar(10));
  const opt = new KerasRMSprop(RMSPROP);
  opt.minimize(() => tf.div(tf.square(v), 2) as tf.Scalar);
  assert.ok(Math.abs(v.dataSync()[0]! - 9.683772) < 1e-6, String(v.dataSync()[0]));
  opt.dispose();
  v.dispose();
});

test('getWeights/setWeights carry the step count and every slot: a restored optimizer takes the same next step', async () => {
  await tf.setBackend('cpu');
  const a = tf.variable(tf.tensor1d([1, -2, 3]), true, 'opt_test_a');
  const loss = () => tf.sum(tf.square(tf.sub(a, tf.tensor1d([0.5, 0.5, 0.5])))) as tf.Scalar;
  const first = new KerasAdam(ADAM);
  for (let i = 0; i < 3; i++) first.minimize(loss);
  const saved = await first.getWeights();
  assert.deepEqual(saved.map((w) => w.name), ['iter', 'opt_test_a/momentum', 'opt_test_a/velocity', 'opt_test_a/velocity_hat']);
  const restored = new KerasAdam(ADAM);
  await restored.setWeights(saved);
  assert.equal(restored.iterations, 3);
  const start = a.clone();
  first.minimize(loss);
  const viaFirst = a.clone();
  a.assign(start);
  restored.minimize(loss);
  assert.deepEqual(Array.from(a.dataSync()), Array.from(viaFirst.dataSync()));
  tf.dispose([start, viaFirst, a, saved[0]!.tensor]);
  first.dispose();
  restored.dispose();
});

test('an optimizer frees its slots on dispose: recompiling leaves no tensors behind', async () => {
  await tf.setBackend('cpu');
  const v = tf.variable(tf.ones([4, 3]));
  const before = tf.memory().numTensors;
  const opt = new KerasRMSprop({ ...RMSPROP, momentum: 0.9, centered: true });
  for (let i = 0; i < 3; i++) opt.minimize(() => tf.sum(tf.square(v)) as tf.Scalar);
  assert.equal(tf.memory().numTensors, before + 3); // velocity, momentum, average_gradient
  opt.dispose();
  assert.equal(tf.memory().numTensors, before);
  v.dispose();
});
