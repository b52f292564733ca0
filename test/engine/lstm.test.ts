import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, disposeModel, initBackend } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** One Keras LSTM step for a single sample; gates in Keras order i, f, c, o. */
function lstmStep(x: number[], h: number[], c: number[], W: number[][], U: number[][], b: number[]) {
  const units = h.length;
  const z = b.map((bias, j) => bias + x.reduce((s, xi, i) => s + xi * W[i]![j]!, 0) + h.reduce((s, hi, i) => s + hi * U[i]![j]!, 0));
  const gate = (g: number, k: number) => z[g * units + k]!;
  const cNext = h.map((_, k) => sigmoid(gate(1, k)) * c[k]! + sigmoid(gate(0, k)) * Math.tanh(gate(2, k)));
  const hNext = cNext.map((ck, k) => sigmoid(gate(3, k)) * Math.tanh(ck));
  return { h: hNext, c: cNext };
}

test('LSTM starts with the forget-gate bias at 1 (unit_forget_bias) and steps with a sigmoid recurrent activation', async () => {
  await initBackend('cpu');
  const model = await buildModel(kerasPlan([null, 2, 2], ['LSTM(2)']));
  const layer = model.getLayer('lstm');
  const bias = Array.from(layer.getWeights()[2]!.dataSync());
  assert.deepEqual(bias, [0, 0, 1, 1, 0, 0, 0, 0]);

  const W = [[0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8], [0.9, 0.1, -0.3, 0.2, 0.4, -0.6, 0.5, 0.3]];
  const U = [[0.2, 0.1, -0.1, 0.3, 0.2, -0.4, 0.1, 0.5], [-0.3, 0.2, 0.4, -0.2, 0.1, 0.3, -0.5, 0.2]];
  layer.setWeights([tf.tensor2d(W), tf.tensor2d(U), tf.tensor1d(bias)]);
  const xs = [[1.5, -0.5], [0.3, 2.0]];
  let state = { h: [0, 0], c: [0, 0] };
  for (const x of xs) state = lstmStep(x, state.h, state.c, W, U, bias);

  const y = model.predict(tf.tensor3d([xs])) as tf.Tensor;
  const actual = Array.from(y.dataSync());
  state.h.forEach((e, i) => assert.ok(Math.abs(actual[i]! - e) < 1e-5, `h[${i}] = ${actual[i]}, expected ${e}`));
  y.dispose();
  disposeModel(model);
});
