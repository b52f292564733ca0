import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, disposeModel, getLayerWeights, initBackend, predictArrays, setLayerWeights } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

const f32 = (...v: number[]) => Float32Array.from(v);

test('setLayerWeights loads Keras-ordered arrays; predictArrays computes x @ kernel + bias', async () => {
  await initBackend('cpu');
  const model = await buildModel(kerasPlan([null, 2], ['Dense(3)']));
  setLayerWeights(model, 'dense', [
    { shape: [2, 3], values: f32(1, 2, 3, 4, 5, 6) },
    { shape: [3], values: f32(0.5, -0.5, 0) },
  ]);
  const [out] = predictArrays(model, { shape: [2, 2], values: f32(1, 0, 1, -1) });
  assert.deepEqual(out!.shape, [2, 3]);
  // [1,0]·K = [1,2,3]; [1,-1]·K = [-3,-3,-3]; plus the bias.
  assert.deepEqual(Array.from(out!.values), [1.5, 1.5, 3, -2.5, -3.5, -3]);
  assert.deepEqual(Array.from(getLayerWeights(model, 'dense')[1]!.values), [0.5, -0.5, 0]);
  disposeModel(model);
});

test('loaded weights are assigned as given, like Keras set_weights: no constraint projection', async () => {
  const model = await buildModel(kerasPlan([null, 2], ['Dense(1, kernel_constraint=constraints.NonNeg())']));
  setLayerWeights(model, 'dense', [{ shape: [2, 1], values: f32(-1, 2) }, { shape: [1], values: f32(0) }]);
  // tfjs's own setWeights would have clipped -1 to 0.
  assert.deepEqual(Array.from(getLayerWeights(model, 'dense')[0]!.values), [-1, 2]);
  disposeModel(model);
});

test('LSTM weights go in Keras order: kernel, recurrent_kernel, bias', async () => {
  const model = await buildModel(kerasPlan([null, 5, 3], ['LSTM(2)']));
  const shapes = getLayerWeights(model, 'lstm').map((w) => w.shape);
  assert.deepEqual(shapes, [[3, 8], [2, 8], [8]]);
  disposeModel(model);
});

test('wrong shapes, counts and names are refused with the layer and the weight named', async () => {
  const model = await buildModel(kerasPlan([null, 2], ['Dense(3)']));
  const bias = { shape: [3], values: f32(0, 0, 0) };
  assert.throws(
    () => setLayerWeights(model, 'dense', [{ shape: [3, 2], values: new Float32Array(6) }, bias]),
    /Layer 'dense' weight 0 \(kernel\) has shape \(2, 3\); got \(3, 2\)/,
  );
  assert.throws(() => setLayerWeights(model, 'dense', [bias]), /Layer 'dense' has 2 weights \(kernel, bias\); got 1 arrays/);
  assert.throws(
    () => setLayerWeights(model, 'dense', [{ shape: [2, 3], values: new Float32Array(5) }, bias]),
    /weight 0 \(kernel\): shape \(2, 3\) needs 6 values; got 5/,
  );
  assert.throws(() => setLayerWeights(model, 'dense_9', []), /No layer named 'dense_9'.*/);
  // Nothing was half-loaded by the refused calls.
  assert.deepEqual(Array.from(getLayerWeights(model, 'dense')[1]!.values), [0, 0, 0]);
  disposeModel(model);
});
