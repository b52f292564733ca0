/**
 * The rule `backend auto` applies to measured timings (made up here: no test times anything),
 * and how a measurement counts steps against its clock (a fake one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { formatStepsPerSecond, pickFastest } from '../../src/engine/auto/pick.js';
import { measurementBatch, timeTrainingSteps } from '../../src/engine/auto/time-steps.js';
import { kerasPlan } from './keras-plans.js';

const NATIVE_MISSING = { name: 'tensorflow', why: 'not set up (klayers native setup)' } as const;

test('the fastest backend wins, and the reason lists every measured steps/s, fastest first', () => {
  const pick = pickFastest([{ name: 'wasm', stepsPerSecond: 120.4 }, { name: 'cpu', stepsPerSecond: 1432.6 }], [NATIVE_MISSING], 32);
  assert.deepEqual(pick, {
    name: 'cpu',
    reason: 'auto: measured on this model at batch 32: cpu 1,433 steps/s, wasm 120 steps/s; tensorflow: not set up (klayers native setup); cpu is the fastest',
  });
});

test('within 5% of the fastest, the preferred backend (tensorflow, then wasm, then cpu) is kept', () => {
  const close = pickFastest([{ name: 'cpu', stepsPerSecond: 100 }, { name: 'wasm', stepsPerSecond: 96 }], [], 128);
  assert.equal(close?.name, 'wasm');
  assert.match(close!.reason, /: cpu 100 steps\/s, wasm 96\.0 steps\/s; wasm is within 5% of cpu, so the preferred wasm is kept$/);
  const clear = pickFastest([{ name: 'cpu', stepsPerSecond: 100 }, { name: 'wasm', stepsPerSecond: 94 }], [], 128);
  assert.equal(clear?.name, 'cpu');
  const native = pickFastest([{ name: 'tensorflow', stepsPerSecond: 50 }, { name: 'wasm', stepsPerSecond: 51 }, { name: 'cpu', stepsPerSecond: 3 }], [], 32);
  assert.equal(native?.name, 'tensorflow');
});

test('with nothing measured there is no pick (the capability rule decides), and one backend is its own fastest', () => {
  assert.equal(pickFastest([], [NATIVE_MISSING, { name: 'wasm', why: 'cannot train Unchecked' }], 32), null);
  const only = pickFastest([{ name: 'cpu', stepsPerSecond: 0.4123 }], [NATIVE_MISSING, { name: 'wasm', why: 'cannot train Unchecked' }], 32);
  assert.equal(only?.reason, 'auto: measured on this model at batch 32: cpu 0.41 steps/s; tensorflow: not set up (klayers native setup); wasm: cannot train Unchecked; cpu is the fastest');
  assert.deepEqual([formatStepsPerSecond(12345.6), formatStepsPerSecond(35.25), formatStepsPerSecond(0.0456)], ['12,346', '35.3', '0.046']);
});

test('a measurement times the step the fit runs, after one warm-up step until its budget is spent (or the warm-up step alone spends it), and leaves no tensors', async () => {
  await initBackend('cpu');
  const plan = kerasPlan([null, 4], ['Dense(8, activation="relu")', 'Dropout(0.5)', 'Dense(1)']);
  const batch = measurementBatch({ size: 100, xShape: [4], yShape: [1], x: new Float32Array(400).fill(1), y: new Float32Array(100) }, 32);
  assert.deepEqual([batch.rows, batch.x.length, batch.y.length], [32, 128, 32]);
  const compile = { optimizer: { className: 'Adam', config: { learning_rate: 1e-3, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } }, loss: 'mean_squared_error', metrics: [] } as const;
  let now = 0;
  const clock = () => (now += 50); // every reading is 50 ms after the last
  const before = tf.memory().numTensors;
  const timing = await timeTrainingSteps(plan, compile as never, batch, { budgetMs: 300, maxSteps: 40 }, clock);
  assert.deepEqual(timing, { steps: 6, stepsPerSecond: 20, loop: 'own' }); // 6 steps in 300 ms, of klayers' own loop
  const capped = await timeTrainingSteps(plan, compile as never, batch, { budgetMs: 1e9, maxSteps: 3 }, clock);
  assert.equal(capped.steps, 3);
  // A warm-up step that outlasts the budget is the measurement: a slow backend costs one step.
  const slowClock = () => (now += 400);
  assert.deepEqual(await timeTrainingSteps(plan, compile as never, batch, { budgetMs: 300, maxSteps: 40 }, slowClock), { steps: 1, stepsPerSecond: 2.5, loop: 'own' });
  // A model the own loop does not train (a weight penalty joins the loss on tfjs's tape) is timed through tfjs's step.
  const penalized = kerasPlan([null, 4], ['Dense(8, kernel_regularizer="l2")', 'Dense(1)']);
  assert.equal((await timeTrainingSteps(penalized, compile as never, batch, { budgetMs: 300, maxSteps: 2 }, clock)).loop, 'tfjs');
  // A recurrent layer (its orthogonal initializer's QR once took seconds on cpu, see keras/orthogonal.ts) times through the own loop too.
  const recurrent = kerasPlan([null, 3, 4], ['LSTM(5)', 'Dense(1)']);
  const seq = measurementBatch({ size: 8, xShape: [3, 4], yShape: [1], x: new Float32Array(96).fill(0.5), y: new Float32Array(8) }, 8);
  assert.deepEqual(await timeTrainingSteps(recurrent, compile as never, seq, { budgetMs: 300, maxSteps: 2 }, clock), { steps: 2, stepsPerSecond: 20, loop: 'own' });
  assert.equal(tf.memory().numTensors, before);
  // A streamed split (no arrays) is measured on zeros of its shapes; a small split on all its rows.
  const zeros = measurementBatch({ size: 10, xShape: [2, 3], yShape: [1] }, 32);
  assert.deepEqual([zeros.rows, zeros.x.length, zeros.x.every((v) => v === 0)], [10, 60, true]);
});
