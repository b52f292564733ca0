import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, disposeModel, evaluateLoss, getLayerWeights, initBackend, setLayerWeights, sgdStep } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

const f32 = (...v: number[]) => Float32Array.from(v);
const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('one SGD step on mse: loss before, the update w -= lr * grad, loss after (worked by hand)', async () => {
  await initBackend('cpu');
  const model = await buildModel(kerasPlan([null, 2], ['Dense(1)']));
  setLayerWeights(model, 'dense', [{ shape: [2, 1], values: f32(1, -1) }, { shape: [1], values: f32(0.5) }]);
  const x = { shape: [2, 2], values: f32(1, 2, 0, 1) };
  const y = { shape: [2, 1], values: f32(0, 1) };
  // preds -0.5, -0.5 -> mse (0.25 + 2.25) / 2; dL/dpred = 2(p - y)/2 = [-0.5, -1.5]
  // dk = [-0.5, -2.5], db = -2 -> k = [1.05, -0.75], b = 0.7 -> preds 0.25, -0.05.
  const { before, after } = await sgdStep(model, { loss: 'mse', learningRate: 0.1 }, x, y);
  close(before, 1.25);
  close(after, (0.25 ** 2 + 1.05 ** 2) / 2);
  const [kernel, bias] = getLayerWeights(model, 'dense');
  close(kernel!.values[0]!, 1.05);
  close(kernel!.values[1]!, -0.75);
  close(bias!.values[0]!, 0.7);
  disposeModel(model);
});

test('categorical_crossentropy of a uniform softmax is ln 3, plus the kernel L2 penalty', async () => {
  const model = await buildModel(kerasPlan([null, 2], ["Dense(3, activation='softmax', kernel_regularizer=regularizers.L2(0.5))"]));
  setLayerWeights(model, 'dense', [{ shape: [2, 3], values: f32(1, 0, -1, 2, 0, 0) }, { shape: [3], values: f32(0, 0, 0) }]);
  const x = { shape: [2, 2], values: f32(0, 0, 0, 0) }; // zero input: every logit is 0
  const y = { shape: [2, 3], values: f32(1, 0, 0, 0, 0, 1) };
  close(evaluateLoss(model, 'categorical_crossentropy', x, y), Math.log(3) + 0.5 * (1 + 1 + 4));
  disposeModel(model);
});

test('binary_crossentropy clips probabilities to [1e-7, 1 - 1e-7] as Keras does', async () => {
  const model = await buildModel(kerasPlan([null, 1], ["Dense(1, activation='sigmoid')"]));
  setLayerWeights(model, 'dense', [{ shape: [1, 1], values: f32(0) }, { shape: [1], values: f32(40) }]);
  const x = { shape: [1, 1], values: f32(0) };
  // sigmoid(40) is 1 in float32; Keras clips it to float32(1 - 1e-7), so the loss is finite.
  const expected = -Math.log(1 - Math.fround(1 - 1e-7));
  close(evaluateLoss(model, 'binary_crossentropy', x, { shape: [1, 1], values: f32(0) }), expected, 1e-4);
  disposeModel(model);
});

test("an inner layer's activity penalty counts in the evaluated loss (its output is kept alive)", async () => {
  const model = await buildModel(kerasPlan([null, 1], ['Dense(2, activity_regularizer=regularizers.L2(1.0))', 'Dense(1)']));
  setLayerWeights(model, 'dense', [{ shape: [1, 2], values: f32(1, 2) }, { shape: [2], values: f32(0, 0) }]);
  setLayerWeights(model, 'dense_1', [{ shape: [2, 1], values: f32(1, 1) }, { shape: [1], values: f32(0) }]);
  const x = { shape: [2, 1], values: f32(1, -1) }; // hidden [1, 2] and [-1, -2]; outputs 3, -3
  const y = { shape: [2, 1], values: f32(0, 0) };
  close(evaluateLoss(model, 'mse', x, y), 9 + (1 * (1 + 4 + 1 + 4)) / 2);
  disposeModel(model);
});

test('weight constraints hold right after the step, as Keras applies them', async () => {
  const model = await buildModel(kerasPlan([null, 1], ['Dense(1, kernel_constraint=constraints.NonNeg())']));
  setLayerWeights(model, 'dense', [{ shape: [1, 1], values: f32(0.1) }, { shape: [1], values: f32(0) }]);
  // pred 0.1, target -5: the gradient step drives the kernel far below 0; NonNeg clips it to 0.
  await sgdStep(model, { loss: 'mse', learningRate: 1 }, { shape: [1, 1], values: f32(1) }, { shape: [1, 1], values: f32(-5) });
  assert.equal(getLayerWeights(model, 'dense')[0]!.values[0], 0);
  disposeModel(model);
});

test('an unknown loss is refused with the supported names', async () => {
  const model = await buildModel(kerasPlan([null, 1], ['Dense(1)']));
  const a = { shape: [1, 1], values: f32(0) };
  await assert.rejects(sgdStep(model, { loss: 'hinge' as 'mse', learningRate: 0.1 }, a, a), /Loss 'hinge' is not supported/);
  disposeModel(model);
});
