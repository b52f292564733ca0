import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { LAMBDA_FUNCTIONS, lambdaOutputShape, parseLambda } from '../../src/lambda/index.js';
import { EVALUATED_FUNCTIONS, evaluateLambda } from '../../src/engine/lambda/ops.js';
import { UserError } from '../../src/core/user-error.js';
import { sampleFor } from './samples.js';

before(async () => {
  await tf.setBackend('cpu');
});

const run = (source: string, x: tf.Tensor) => evaluateLambda(parseLambda(source), x);
const values = (t: tf.Tensor) => Array.from(t.dataSync());


test('the engine evaluates every function in the table', () => {
  assert.deepEqual([...EVALUATED_FUNCTIONS].sort(), LAMBDA_FUNCTIONS.map((f) => f.name).sort());
});

test('known values: 2x+1, sigmoid(0) = 0.5, mean over an axis, comparisons as 0/1', () => {
  const x = tf.tensor2d([[1, 2, 3], [-1, 0, 4]]);
  assert.deepEqual(values(run('x * 2 + 1', x)), [3, 5, 7, -1, 1, 9]);
  assert.deepEqual(values(run('sigmoid(x * 0)', x)), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  assert.deepEqual(values(run('mean(x, axis=1)', x)), [2, 1]);
  assert.deepEqual(values(run('mean(x, axis=0)', x)), [0, 1, 3.5]);
  assert.deepEqual(values(run('x >= 1', x)), [1, 1, 1, 0, 0, 1]);
  assert.deepEqual(values(run('x[:, -1]', x)), [3, 4]);
  assert.deepEqual(values(run('x[:, ::-1]', x)), [3, 2, 1, 4, 0, -1]);
  assert.deepEqual(values(run('clip(x, 0, 2)', x)), [1, 2, 2, 0, 0, 2]);
  assert.deepEqual(values(run('sum(x)', x)), [9]);
  assert.deepEqual(values(run('reshape(x, (3, 1))[:, 2, 0]', x)), [3, 4]);
});

test('every function: evaluated shape equals the inferred shape on random inputs', () => {
  for (const batch of [1, 2, 5]) {
    const x = tf.randomNormal([batch, 3, 4]);
    for (const fn of LAMBDA_FUNCTIONS) {
      const expr = parseLambda(sampleFor(fn.name));
      const y = evaluateLambda(expr, x);
      const inferred = lambdaOutputShape(expr, [null, 3, 4]).map((d, i) => d ?? (i === 0 ? batch : NaN));
      assert.deepEqual(y.shape, inferred, `${sampleFor(fn.name)} with batch ${batch}`);
      y.dispose();
    }
    x.dispose();
  }
});

test('every function passes gradients back to x without throwing', () => {
  const x = tf.randomUniform([2, 3, 4], 0.1, 1);
  for (const fn of LAMBDA_FUNCTIONS) {
    const expr = parseLambda(sampleFor(fn.name));
    const grad = tf.grad((input: tf.Tensor) => tf.sum(evaluateLambda(expr, input)))(x);
    assert.deepEqual(grad.shape, [2, 3, 4], fn.name);
    assert.ok(values(grad).every(Number.isFinite), `${fn.name} gradient is finite`);
    grad.dispose();
  }
  // d/dx sum(x * (x > 0.5)) is the step itself: the comparison contributes zero.
  const g = tf.grad((input: tf.Tensor) => tf.sum(evaluateLambda(parseLambda('x * (x > 0.5)'), input)))(tf.tensor1d([0.2, 0.7]));
  assert.deepEqual(values(g), [0, 1]);
  x.dispose();
});

test('squeeze(x) never squeezes the batch axis, even for a batch of one', () => {
  const y = run('squeeze(x)', tf.ones([1, 1, 3]));
  assert.deepEqual(y.shape, [1, 3]);
});

test('evaluation leaves no intermediate tensors behind', () => {
  const x = tf.randomNormal([2, 3, 4]);
  const before = tf.memory().numTensors;
  const y = run('softmax(concatenate([x, square(x)], axis=-1))[..., ::2] + mean(x, axis=-1, keepdims=True)', x);
  assert.equal(tf.memory().numTensors, before + 1);
  y.dispose();
  x.dispose();
});

test('shape mistakes surface as UserError before tfjs runs', () => {
  assert.throws(() => run('x + x[:, :2]', tf.ones([2, 3])), (e: unknown) => e instanceof UserError && /cannot broadcast/.test(e.message));
});

test('every function: gradients agree with finite differences', () => {
  // Distinct values 0.033 apart, away from the kinks of round/floor/relu/sign/comparisons.
  const data = Array.from({ length: 24 }, (_, i) => 0.11 + 0.033 * ((i * 7) % 24));
  const x = tf.tensor3d(data, [2, 3, 4]);
  const eps = 1e-3;
  for (const fn of LAMBDA_FUNCTIONS) {
    const expr = parseLambda(sampleFor(fn.name));
    const probe = evaluateLambda(expr, x);
    const weights = tf.tensor(probe.shape.length === 0 ? [0.7] : Array.from({ length: probe.size }, (_, i) => 0.3 + ((i * 5) % 7) / 7), probe.shape);
    const loss = (input: tf.Tensor) => tf.sum(tf.mul(evaluateLambda(expr, input), weights));
    const analytic = values(tf.grad(loss)(x));
    data.forEach((_, i) => {
      const shifted = (delta: number) => loss(tf.tensor3d(data.map((v, j) => (j === i ? v + delta : v)), [2, 3, 4])).dataSync()[0]!;
      const numeric = (shifted(eps) - shifted(-eps)) / (2 * eps);
      assert.ok(Math.abs(analytic[i]! - numeric) <= 2e-2 * Math.max(1, Math.abs(numeric)), `${sampleFor(fn.name)}: d/dx[${i}] ${analytic[i]} vs ${numeric}`);
    });
    tf.dispose([probe, weights]);
  }
});
