import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, disposeModel, initBackend, layerWeightStats } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

test('repeated build + predict + stats + dispose leaves no tensors behind', async () => {
  await initBackend('cpu');
  const plan = kerasPlan(
    [null, 12, 3],
    [
      "Conv1D(4, 3, padding='causal', dilation_rate=2, activity_regularizer=regularizers.L2(0.01))",
      "Conv1D(4, 3, data_format='channels_first')",
      'LSTM(8, return_sequences=True)',
      'SimpleRNN(4)',
      'Dense(2)',
    ],
  );
  const once = async () => {
    const model = await buildModel(plan);
    tf.tidy(() => void model.predict(tf.ones([2, 12, 3])));
    layerWeightStats(model, 'lstm');
    disposeModel(model);
  };
  await once(); // first use may allocate backend-level tensors
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) await once();
  assert.equal(tf.memory().numTensors, before);
});

test('a build that fails part-way frees the layers it had already created', async () => {
  const plan = kerasPlan([null, 5, 3], ['LSTM(4)', 'Dense(2)']);
  // tfjs's Identity initializer only makes square kernels; this (2, 3) one fails inside tfjs.
  const identity = { kind: 'call' as const, name: 'Identity', args: [], kwargs: { gain: 1 }, column: 0 };
  const broken = { ...plan, layers: [...plan.layers, { className: 'Dense', name: 'dense_1', args: { units: 3, kernel_initializer: identity } }] };
  const before = tf.memory().numTensors;
  await assert.rejects(buildModel(broken), /^EngineUnsupported: Dense 'dense_1': tfjs could not build it: Identity/);
  assert.equal(tf.memory().numTensors, before);
});
