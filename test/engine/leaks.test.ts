import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, disposeModel, initBackend, layerWeightStats, sgdStep } from '../../src/engine/index.js';
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

test('a mask that a Conv1D ends costs no tensors per predict or training step', async () => {
  await initBackend('cpu');
  // The Conv1D hands an all-true mask to the LSTM (src/engine/keras/masks.ts); tfjs's executor
  // must free it with the other masks.
  const plan = kerasPlan([null, 6, 2], ['Masking()', "Conv1D(3, 3, padding='same')", 'LSTM(2)']);
  const model = await buildModel(plan);
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  const x = tf.zeros([4, 6, 2]);
  const y = tf.zeros([4, 2]);
  const step = async () => {
    (model.predict(x) as tf.Tensor).dispose();
    await model.trainOnBatch(x, y);
  };
  try {
    await step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await step();
    assert.equal(tf.memory().numTensors, before);
  } finally {
    tf.dispose([x, y]);
    disposeModel(model);
  }
});

test('a model whose output carries the mask keeps one mask tensor for its loss, not one per step', async () => {
  await initBackend('cpu');
  const plan = kerasPlan([null, 5, 2], ['Masking()', 'LSTM(3, return_sequences=True)', 'Dense(2)']);
  const model = await buildModel(plan);
  const x = { shape: [3, 5, 2], values: new Float32Array(30).fill(0.5) };
  const y = { shape: [3, 5, 2], values: new Float32Array(30) };
  try {
    await sgdStep(model, { loss: 'mse', learningRate: 0.1 }, x, y);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await sgdStep(model, { loss: 'mse', learningRate: 0.1 }, x, y);
    assert.equal(tf.memory().numTensors, before);
  } finally {
    disposeModel(model);
  }
});
