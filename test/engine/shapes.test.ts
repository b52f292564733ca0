import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, disposeModel, initBackend, layerWeightStats } from '../../src/engine/index.js';
import { findLayerSpec } from '../../src/layers/index.js';
import type { Shape } from '../../src/core/shape.js';
import { kerasPlan } from './keras-plans.js';

/** [input batch shape, Keras call]: every layer type and its main argument variants. */
const GRID: [Shape, string][] = [
  [[null, 8], 'Dense(4)'],
  [[null, 5, 8], "Dense(3, use_bias=False, activation='gelu')"],
  [[null, 8], "Activation('relu')"],
  [[null, 8], 'Dropout(0.5)'],
  [[null, 5, 8], 'Dropout(0.3, noise_shape=(None, 1, 8))'],
  [[null, 4, 5, 3], 'Flatten()'],
  [[null, 4, 5, 3], "Flatten(data_format='channels_first')"],
  [[null, 12], 'Reshape((3, 4))'],
  [[null, 12], 'Reshape((-1, 2))'],
  [[null, 4, 5], 'Permute((2, 1))'],
  [[null, 5, 3], 'Masking(mask_value=0.0)'],
  [[null, 20, 3], 'Conv1D(4, 3)'],
  [[null, 20, 3], "Conv1D(4, 5, strides=2, padding='same')"],
  [[null, 20, 3], "Conv1D(4, 3, padding='causal', dilation_rate=2)"],
  [[null, 20, 3], 'Conv1D(2, 3, dilation_rate=3)'],
  [[null, 3, 20], "Conv1D(4, 3, data_format='channels_first')"],
  [[null, 12, 12, 3], 'Conv2D(8, 3)'],
  [[null, 12, 12, 3], "Conv2D(8, (3, 5), strides=(2, 1), padding='same')"],
  [[null, 12, 12, 3], 'Conv2D(4, 3, dilation_rate=2)'],
  [[null, 12, 12, 3], "Conv2D(4, 3, padding='same', dilation_rate=(2, 3))"],
  [[null, 3, 12, 12], "Conv2D(4, 3, data_format='channels_first')"],
  [[null, 20, 3], 'MaxPooling1D()'],
  [[null, 20, 3], "MaxPooling1D(3, strides=1, padding='same')"],
  [[null, 3, 20], "MaxPooling1D(2, data_format='channels_first')"],
  [[null, 20, 3], 'AveragePooling1D(2)'],
  [[null, 20, 3], "AveragePooling1D(3, strides=2, padding='same')"],
  [[null, 3, 20], "AveragePooling1D(4, data_format='channels_first')"],
  [[null, 12, 12, 3], 'MaxPooling2D()'],
  [[null, 12, 12, 3], "MaxPooling2D((3, 3), strides=(2, 2), padding='same')"],
  [[null, 12, 12, 3], 'AveragePooling2D(2)'],
  [[null, 3, 12, 12], "AveragePooling2D(2, data_format='channels_first')"],
  [[null, 7, 3], 'SimpleRNN(5)'],
  [[null, 7, 3], 'SimpleRNN(5, return_sequences=True)'],
  [[null, 7, 3], 'SimpleRNN(5, return_state=True)'],
  [[null, 7, 3], 'SimpleRNN(5, go_backwards=True, unroll=True)'],
  [[null, 7, 3], 'LSTM(6)'],
  [[null, 7, 3], 'LSTM(6, return_sequences=True, return_state=True)'],
  [[null, 7, 3], 'LSTM(6, dropout=0.2, recurrent_dropout=0.1)'],
  [[null, 4, 6], "Lambda('x * 2 + 1')"],
  [[null, 4, 6], "Lambda('lambda x: ops.mean(x, axis=-1)')"],
  [[null, 4, 6], "Lambda('x[:, 0]', output_shape=(6,))"],
];

function asShapes(s: unknown): (number | null)[][] {
  const list = s as (number | null)[] | (number | null)[][];
  return Array.isArray(list[0]) ? (list as (number | null)[][]) : [list as (number | null)[]];
}

test('each layer built by tfjs has the shape and parameter count the catalog computes', async () => {
  await initBackend('cpu');
  for (const [input, text] of GRID) {
    const plan = kerasPlan(input, [text]);
    const planned = plan.layers[0]!;
    const spec = findLayerSpec(planned.className);
    assert.ok(spec, `catalog has ${planned.className}`);
    const model = await buildModel(plan);
    const built = model.getLayer(planned.name);
    const expected = asShapes(spec.outputShape(input, planned.args));
    assert.deepEqual(asShapes(built.outputShape), expected, `${text}: declared output shape`);
    const params = spec.weights(input, planned.args).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    assert.equal(built.countParams(), params, `${text}: params`);
    // The tensor a batch of 2 really produces, not only what tfjs declares.
    const x = tf.randomNormal(input.map((d) => d ?? 2));
    const y = model.predict(x);
    const actual = (Array.isArray(y) ? y : [y]).map((t) => t.shape);
    assert.deepEqual(actual, expected.map((s) => s.map((d) => d ?? 2)), `${text}: predicted shape`);
    tf.dispose([x, y]);
    disposeModel(model);
  }
});

test('layer names are exactly the planned names, weights use Keras short names', async () => {
  const plan = kerasPlan([null, 7, 3], ['LSTM(4, return_sequences=True)', "Conv1D(2, 3, padding='causal')", 'Flatten()', 'Dense(2)', 'Dense(1)']);
  const model = await buildModel(plan);
  assert.deepEqual(model.layers.slice(1).map((l) => l.name), ['lstm', 'conv1d', 'flatten', 'dense', 'dense_1']);
  assert.deepEqual(layerWeightStats(model, 'lstm').map((w) => w.name), ['kernel', 'recurrent_kernel', 'bias']);
  assert.deepEqual(layerWeightStats(model, 'conv1d').map((w) => [w.name, w.shape]), [['kernel', [3, 4, 2]], ['bias', [2]]]);
  disposeModel(model);
});
