/**
 * Which backend trains a model, and why: `auto` picks the fastest JS backend that can train it,
 * explicit choices are kept, and moving a model between backends loses neither weights nor tensors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { createContext } from '../../src/commands/context.js';
import { buildModel, chooseTrainingBackend, disposeModel, initBackend } from '../../src/engine/index.js';
import type { ModelPlan } from '../../src/layers/types.js';
import { run } from '../helpers/run.js';
import { kerasPlan } from './keras-plans.js';
import { nativeDir } from './fixtures/native-dir.js';

// These tests are about auto's choice between the JS backends, which it makes when native TensorFlow
// is not set up: here it is not, whatever this machine has (backend.test.ts checks the choice with
// it set up). The engine looks for it only in initBackend.
process.env['KLAYERS_NATIVE_DIR'] = nativeDir('absent');

const MLP = kerasPlan([null, 20], ['Dense(64, activation="relu")', 'Dense(32, activation="relu")', 'Dense(3, activation="softmax")']);
const CNN = kerasPlan([null, 28, 28, 1], ['Conv2D(8, 3)', 'MaxPooling2D()', 'Flatten()', 'Dense(10)']);
const LSTM = kerasPlan([null, 20, 8], ['LSTM(32)', 'Dense(1)']);
/** A layer class nobody has checked on wasm (a stand-in for a future catalog entry). */
const UNCHECKED: ModelPlan = { ...MLP, layers: [...MLP.layers, { className: 'Unchecked', name: 'unchecked', args: {} }] };

test('auto trains Dense, LSTM and CNN models on wasm, and a model with an unchecked layer on cpu, saying why', async () => {
  await initBackend('auto');
  for (const plan of [MLP, LSTM, CNN]) {
    const info = await chooseTrainingBackend(plan);
    assert.equal(info.name, 'wasm');
    assert.equal(tf.getBackend(), 'wasm');
    assert.match(info.reason, /^auto: native TensorFlow is not set up; run 'klayers native setup'; fastest JS backend for Dense\/LSTM; conv gradients registered$/);
  }
  const cpu = await chooseTrainingBackend(UNCHECKED);
  assert.equal(cpu.name, 'cpu');
  assert.equal(tf.getBackend(), 'cpu');
  assert.match(cpu.reason, /the model has Unchecked, which wasm cannot train; using the JS cpu backend/);
  assert.equal((await chooseTrainingBackend(MLP)).name, 'wasm', 'the next model goes back to wasm');
});

test('explicit choices are kept whatever the model', async () => {
  await initBackend('cpu');
  const cpu = await chooseTrainingBackend(MLP);
  assert.deepEqual([cpu.name, cpu.reason, tf.getBackend()], ['cpu', 'the cpu backend was requested', 'cpu']);
  await initBackend('wasm');
  const wasm = await chooseTrainingBackend(UNCHECKED);
  assert.deepEqual([wasm.name, tf.getBackend()], ['wasm', 'wasm']);
  assert.match(wasm.reason, /wasm backend was requested; conv gradients registered/);
});

test('the backend command shows what is used and why, and explains a missing tensorflow', async () => {
  const ctx = createContext({ columns: 100 });
  const shown = await run(ctx, 'backend');
  assert.match(shown.text, /^Backend: wasm \(auto: native TensorFlow is not set up; run 'klayers native setup'; fastest JS backend for Dense\/LSTM; conv gradients registered\)$/);
  const native = await run(ctx, 'backend tensorflow');
  assert.equal(native.ok, false);
  assert.match(native.text, /klayers native setup/);
  const cpu = await run(ctx, 'backend cpu');
  assert.equal(cpu.text, 'Backend: cpu (the cpu backend was requested)');
});

test('moving a model between wasm and cpu keeps its weights and leaks no tensors across three fits', async () => {
  await initBackend('auto');
  await chooseTrainingBackend(MLP);
  const model = await buildModel(MLP);
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([64, 20]);
  const y = tf.oneHot(tf.randomUniformInt([64], 0, 3), 3);
  const predictOn = async (plan: ModelPlan) => {
    await chooseTrainingBackend(plan);
    return tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync().slice());
  };
  const counts: number[] = [];
  for (const plan of [MLP, UNCHECKED, MLP]) {
    await chooseTrainingBackend(plan);
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    counts.push(tf.memory().numTensors);
  }
  assert.equal(counts[2], counts[0], `tensors after each fit: ${counts}`);
  const onWasm = await predictOn(MLP);
  const onCpu = await predictOn(UNCHECKED);
  onCpu.forEach((v, i) => assert.ok(Math.abs(v - onWasm[i]!) < 1e-5, `prediction ${i}: cpu ${v} vs wasm ${onWasm[i]}`));
  tf.dispose([x, y]);
  disposeModel(model);
});
