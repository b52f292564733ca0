/**
 * Keras's Orthogonal initializer with its QR on the host: the values tfjs's own initializer gives
 * for the same seed (its QR as tensor ops, 15 s for LSTM(128)'s recurrent kernel on cpu), an
 * orthonormal Q (QᵀQ = I for a tall matrix, QQᵀ = I for a wide one) times the gain, and tfjs's
 * message for a shape it cannot fill.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { orthogonal } from '../../src/engine/keras/orthogonal.js';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

test("the same values as tfjs's Orthogonal for the same seed, tall, wide and rank 3, with the gain", async () => {
  await initBackend('cpu');
  for (const [shape, gain] of [[[12, 5], 1], [[5, 12], 1.5], [[3, 2, 7], 0.5]] as const) {
    const mine = orthogonal(gain, 42).apply([...shape]);
    const theirs = tf.initializers.orthogonal({ gain, seed: 42 }).apply([...shape]);
    assert.deepEqual(mine.shape, [...shape]);
    assert.ok(maxDiff(mine.dataSync(), theirs.dataSync()) < 1e-5, `${shape}: ${maxDiff(mine.dataSync(), theirs.dataSync())}`);
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const m = tf.reshape(mine, [rows, shape[shape.length - 1]!]);
    const gram = rows >= shape[shape.length - 1]! ? tf.matMul(m, m, true, false) : tf.matMul(m, m, false, true);
    const eye = tf.mul(tf.eye(gram.shape[0]!), gain * gain);
    assert.ok(maxDiff(gram.dataSync(), eye.dataSync()) < 1e-5, `${shape}: orthonormal times the gain`);
    tf.dispose([mine, theirs, m, gram, eye]);
  }
});

test('a shape of rank 1 gets tfjs\'s own refusal', () => {
  assert.throws(() => orthogonal(1, 1).apply([4]), /Shape must be at least 2D/);
});
