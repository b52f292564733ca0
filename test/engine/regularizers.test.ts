import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, constraintCallback, disposeModel, initBackend, layerWeightStats } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

const W = [[0.5, -1], [2, 0.25], [-0.75, 1.5]];
const X = [[1, 2, 3], [-1, 0, 1], [0.5, 0.5, -2], [2, -1, 0]];

function dense(x: number[], bias: number[]) {
  return bias.map((b, j) => b + x.reduce((s, xi, i) => s + xi * W[i]![j]!, 0));
}

test('activity_regularizer adds regularizer(output) / batch_size to the training loss, as Keras 3 does', async () => {
  await initBackend('cpu');
  const model = await buildModel(
    kerasPlan([null, 3], ['Dense(2, kernel_regularizer=regularizers.L1(0.1), activity_regularizer=regularizers.L2(0.5))']),
  );
  model.getLayer('dense').setWeights([tf.tensor2d(W), tf.tensor1d([0.1, -0.2])]);
  model.compile({ optimizer: tf.train.sgd(0), loss: 'meanSquaredError' }); // lr 0: weights stay put
  const history = await model.fit(tf.tensor2d(X), tf.zeros([4, 2]), { epochs: 1, batchSize: 4, verbose: 0 });
  const outputs = X.map((x) => dense(x, [0.1, -0.2])).flat();
  const mse = outputs.reduce((s, v) => s + v * v, 0) / outputs.length;
  const activity = (0.5 * outputs.reduce((s, v) => s + v * v, 0)) / X.length;
  const kernelL1 = 0.1 * W.flat().reduce((s, v) => s + Math.abs(v), 0);
  const loss = history.history.loss![0] as number;
  assert.ok(Math.abs(loss - (mse + activity + kernelL1)) < 1e-4, `loss ${loss} vs ${mse + activity + kernelL1}`);
  disposeModel(model);
});

test('GlorotNormal draws with the Keras stddev sqrt(2 / (fan_in + fan_out)), truncation corrected', async () => {
  const model = await buildModel(kerasPlan([null, 400], ['Dense(400, kernel_initializer=initializers.GlorotNormal(seed=3))']));
  const [kernel] = layerWeightStats(model, 'dense');
  assert.ok(kernel);
  assert.equal(kernel.name, 'kernel');
  assert.equal(kernel.count, 160000);
  const expected = Math.sqrt(2 / 800); // 0.05; without the correction tfjs gives ~0.044
  assert.ok(Math.abs(kernel.std - expected) / expected < 0.02, `std ${kernel.std}`);
  assert.ok(kernel.max <= 2 * expected / 0.8796 + 1e-6, `max ${kernel.max} inside the ±2σ truncation`);
  disposeModel(model);
});

test('Constant, HeUniform and Orthogonal initializers follow their Keras definitions', async () => {
  const model = await buildModel(
    kerasPlan([null, 5, 50], ["SimpleRNN(4, kernel_initializer='he_uniform', bias_initializer=initializers.Constant(value=0.1))"]),
  );
  const [kernel, recurrent, bias] = model.getLayer('simple_rnn').getWeights();
  assert.ok(kernel && recurrent && bias);
  assert.ok(Array.from(bias.dataSync()).every((v) => Math.abs(v - 0.1) < 1e-7));
  const limit = Math.sqrt(6 / 50);
  assert.ok(Array.from(kernel.dataSync()).every((v) => Math.abs(v) <= limit));
  const gram = tf.matMul(recurrent, recurrent, true, false);
  const eye = tf.eye(4);
  assert.ok(tf.max(tf.abs(tf.sub(gram, eye))).dataSync()[0]! < 1e-5, 'recurrent kernel is orthogonal');
  tf.dispose([gram, eye]);
  disposeModel(model);
});

test('MaxNorm and UnitNorm constraints hold after a training step (through the engine callback)', async () => {
  const model = await buildModel(
    kerasPlan([null, 3], ['Dense(4, kernel_constraint=constraints.MaxNorm(max_value=0.5))', 'Dense(2, kernel_constraint=constraints.UnitNorm())']),
  );
  model.compile({ optimizer: tf.train.sgd(5), loss: 'meanSquaredError' });
  await model.fit(tf.tensor2d(X), tf.ones([4, 2]).mul(10), { epochs: 1, verbose: 0, callbacks: constraintCallback(model) });
  const norms = (name: string) => {
    const k = model.getLayer(name).getWeights()[0]!;
    return Array.from(tf.tidy(() => tf.sqrt(tf.sum(tf.square(k), 0))).dataSync());
  };
  assert.ok(norms('dense').every((n) => n <= 0.5 + 1e-5), `max norm: ${norms('dense')}`);
  assert.ok(norms('dense_1').every((n) => Math.abs(n - 1) < 1e-4), `unit norm: ${norms('dense_1')}`);
  disposeModel(model);
});

test('weight statistics count NaN and Inf and describe the finite values', async () => {
  const model = await buildModel(kerasPlan([null, 2], ['Dense(2)']));
  model.getLayer('dense').setWeights([tf.tensor2d([[NaN, 1], [Infinity, 3]]), tf.tensor1d([0, 0])]);
  const [kernel, bias] = layerWeightStats(model, 'dense');
  assert.ok(kernel && bias);
  assert.deepEqual(
    { ...kernel, std: Math.round(kernel.std * 1e6) / 1e6 },
    { name: 'kernel', shape: [2, 2], count: 4, min: 1, max: 3, mean: 2, std: 1, nanCount: 1, infCount: 1 },
  );
  assert.equal(bias.name, 'bias');
  disposeModel(model);
});
