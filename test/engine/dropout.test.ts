import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, disposeModel, initBackend } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

async function dropoutLayer(text: string) {
  await initBackend('cpu');
  const model = await buildModel(kerasPlan([null, 3, 40], [text]));
  return { model, layer: model.getLayer('dropout') };
}

test('Dropout noise_shape=(None, 1, n) shares one mask along the middle axis, scaled by 1/(1-rate)', async () => {
  const { model, layer } = await dropoutLayer('Dropout(0.5, noise_shape=(None, 1, 40))');
  const y = layer.apply(tf.ones([2, 3, 40]), { training: true }) as tf.Tensor;
  const values = y.arraySync() as number[][][];
  for (const sample of values) {
    for (let j = 0; j < 40; j++) {
      assert.ok([0, 2].includes(sample[0]![j]!));
      assert.equal(sample[1]![j], sample[0]![j]);
      assert.equal(sample[2]![j], sample[0]![j]);
    }
  }
  y.dispose();
  disposeModel(model);
});

test('a seeded Dropout still draws a new mask on every training call, as Keras does', async () => {
  const { model, layer } = await dropoutLayer('Dropout(0.5, seed=7)');
  const masks = [0, 1].map(() => tf.tidy(() => Array.from((layer.apply(tf.ones([2, 3, 40]), { training: true }) as tf.Tensor).dataSync())));
  assert.notDeepEqual(masks[0], masks[1]);
  disposeModel(model);
});
