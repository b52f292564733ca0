import { test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import type { CommandContext } from '../../src/commands/types.js';
import { initBackend } from '../../src/engine/index.js';
import { recorder, run, session } from '../train/helpers.js';

// klayers' own training loop (direct-fit.ts) and its layer steps (Dense's own op among them)
// must train exactly as tfjs's layers, gradient tape and fit do, for every model the loop takes:
// the same shuffles, the same losses, metrics and val_ logs epoch by epoch, the same weights
// after. KLAYERS_OWN_OPS=0 builds tfjs's own layers (which have no steps, so tfjs's fit trains them).

const native = await initBackend('tensorflow').then(
  () => null,
  (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
);
await initBackend('cpu');

let tfjsFits = 0;
const ownFit = tf.LayersModel.prototype.fit;
tf.LayersModel.prototype.fit = function (...args: Parameters<typeof ownFit>) {
  tfjsFits += 1;
  return ownFit.apply(this, args);
};
const ownFitDataset = tf.LayersModel.prototype.fitDataset;
tf.LayersModel.prototype.fitDataset = function (...args: Parameters<typeof ownFitDataset>) {
  tfjsFits += 1;
  return ownFitDataset.apply(this, args);
};

interface Trained {
  logs: Record<string, number>[];
  weights: Float32Array[];
  tfjsFits: number;
  ctx: CommandContext;
}

async function train(lines: string[], direct: boolean, backend = 'cpu'): Promise<Trained> {
  const before = tfjsFits;
  if (!direct) process.env['KLAYERS_OWN_OPS'] = '0';
  try {
    const ctx = session();
    await run(ctx, `backend ${backend}`, ...lines);
    const weights = (ctx.session.engine.currentWeights(ctx.session.model.plan()) ?? []).flatMap((l) => l.arrays.map((a) => Float32Array.from(a)));
    return { logs: ctx.session.training.history.map((e) => e.logs), weights, tfjsFits: tfjsFits - before, ctx };
  } finally {
    delete process.env['KLAYERS_OWN_OPS'];
  }
}

function close(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) <= 1e-5 + 1e-5 * Math.abs(b), `${what}: ${a} (own loop) vs ${b} (tfjs's fit)`);
}

async function sameAsTfjs(lines: string[], backend = 'cpu'): Promise<Trained> {
  const own = await train(lines, true, backend);
  const tfjs = await train(lines, false, backend);
  assert.equal(own.tfjsFits, 0, "the model trains through klayers' own loop");
  assert.ok(tfjs.tfjsFits > 0);
  assert.equal(own.logs.length, tfjs.logs.length);
  assert.ok(own.weights.length > 0);
  own.logs.forEach((logs, epoch) => {
    assert.deepEqual(Object.keys(logs), Object.keys(tfjs.logs[epoch]!));
    for (const [k, v] of Object.entries(logs)) close(v, tfjs.logs[epoch]![k]!, `epoch ${epoch + 1} ${k}`);
  });
  own.weights.forEach((w, i) => w.forEach((v, j) => close(v, tfjs.weights[i]![j]!, `weight ${i}[${j}]`)));
  return own;
}

test('Dense (every activation it covers), Activation, Dropout, use_bias=False and a frozen layer train as with tfjs fit', async () => {
  await sameAsTfjs([
    'seed 3',
    'load builtin:iris',
    "Dense(12, activation='tanh')",
    'Dropout(0.25)',
    "Dense(10, activation='relu', use_bias=False)",
    "Dense(8, activation='sigmoid', trainable=False)",
    'Dense(6)',
    "Activation('relu')",
    "Activation('tanh')",
    'Dense(3)',
    "Activation('softmax')",
    "compile optimizer=adam loss='categorical_crossentropy' metrics=['accuracy']",
    // 120 training rows in batches of 16: the last batch has 8.
    'fit epochs=3 batch_size=16',
  ]);
});

test('Reshape, Flatten and Dense on a sequence train as with tfjs fit; so do MSE, sparse crossentropy and Huber losses', async () => {
  await sameAsTfjs(['seed 5', 'load builtin:iris', 'Reshape((2, 2))', "Dense(5, activation='relu')", 'Flatten()', "Dense(3, activation='softmax')", 'compile optimizer=rmsprop', 'fit epochs=2 batch_size=32']);
  await sameAsTfjs(['seed 6', 'load builtin:friedman', "Dense(16, activation='relu')", 'Dense(1)', 'compile optimizer=rmsprop', 'fit epochs=2 batch_size=50']);
  await sameAsTfjs(['seed 7', 'load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", "compile optimizer=adam loss='sparse_categorical_crossentropy'", 'fit epochs=2 batch_size=32']);
  // A loss without a host form: its gradient comes from a tape over the loss alone.
  await sameAsTfjs(['seed 7', 'load builtin:friedman', "Dense(8, activation='relu')", 'Dense(1)', "compile optimizer=adam loss='huber'", 'fit epochs=2 batch_size=32']);
});

const CONVNET = [
  'load builtin:digits reshape=(8, 8, 1)',
  "Conv2D(4, 3, activation='relu')",
  'MaxPooling2D()',
  "Conv2D(6, 2, padding='same')",
  'MaxPooling2D(pool_size=(2, 2), strides=(1, 1))',
  'Flatten()',
  'Dropout(0.2)',
  "Dense(10, activation='softmax')",
  'compile optimizer=adam',
  'fit epochs=2 batch_size=64',
];

test('a convnet (Conv2D, MaxPooling2D, Flatten, Dropout, Dense) trains as with tfjs fit', async () => {
  await sameAsTfjs(['seed 8', ...CONVNET]);
});

const RECURRENT = [
  'load builtin:iris reshape=(4, 1)',
  'SimpleRNN(6, return_sequences=True)',
  'LSTM(5, use_bias=False, go_backwards=True, return_sequences=True)',
  'LSTM(4)',
  "Dense(3, activation='softmax')",
  'compile optimizer=adam',
  'fit epochs=2 batch_size=16',
];

test('SimpleRNN and LSTM (sequences, no bias, backwards) train as with tfjs fit', async () => {
  await sameAsTfjs(['seed 10', ...RECURRENT]);
});

test('the own loop on wasm trains as tfjs fit does there', async () => {
  await sameAsTfjs(['seed 4', 'load builtin:iris', "Dense(16, activation='relu')", 'Dropout(0.1)', "Dense(3, activation='softmax')", 'compile optimizer=adam', 'fit epochs=2 batch_size=8'], 'wasm');
  await sameAsTfjs(['seed 9', ...CONVNET], 'wasm');
  await sameAsTfjs(['seed 11', ...RECURRENT], 'wasm');
});

test('a stop inside an epoch and early stopping end the own loop where they end tfjs fit', async () => {
  const lines = ['seed 2', 'load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", 'compile optimizer=Adam(learning_rate=0.05)'];
  const early = await sameAsTfjs([...lines, 'fit epochs=60 early_stopping=1']);
  assert.ok(early.logs.length < 60, 'early stopping ended the fit');
  const rec = recorder((e, control) => {
    if (e.epoch === 1 && e.step === 2) control.stop();
  });
  const ctx = { ...session(), training: rec.hooks };
  const out = await run(ctx, ...lines, 'fit epochs=5');
  assert.match(out, /Stopped in epoch 2\/5 after step 2\/4/);
  // Keras validates the stopped epoch too.
  assert.ok('val_loss' in ctx.session.training.history[1]!.logs);
});

test('models with a layer loss, a mask, class weights or a layer without its own step train through tfjs fit', async () => {
  const base = ['seed 1', 'load builtin:iris'];
  for (const model of [
    ["Dense(8, activation='relu', kernel_regularizer='l2')", "Dense(3, activation='softmax')"],
    ["Dense(8, activation='relu', activity_regularizer='l1')", "Dense(3, activation='softmax')"],
    ["Dense(8, activation='elu')", "Dense(3, activation='softmax')"],
    ['Reshape((4, 1))', 'Masking()', 'SimpleRNN(4)', "Dense(3, activation='softmax')"],
    ['Reshape((4, 1))', 'LSTM(4, dropout=0.2)', "Dense(3, activation='softmax')"],
  ]) {
    const trained = await train([...base, ...model, 'compile optimizer=adam', 'fit epochs=1'], true);
    assert.ok(trained.tfjsFits > 0, `${model.join(', ')}: tfjs fit`);
  }
  const weighted = await train([...base, "Dense(3, activation='softmax')", 'compile optimizer=adam', 'fit epochs=1 class_weight=[1, 2, 1]'], true);
  assert.ok(weighted.tfjsFits > 0, 'class_weight: tfjs fit');
});

test('the own loop on native TensorFlow trains as tfjs fit does there', { skip: native === null ? false : `native TensorFlow is not loaded here: ${native}` }, async () => {
  // The loop is compared on TensorFlow's ops: klayers' own kernels, where setup built them, sum in
  // another order (Adam turns those last digits into ~1e-5 on a weight), and test/native/setup.test.ts
  // compares them with TensorFlow's.
  process.env['KLAYERS_NATIVE_KERNELS'] = '0';
  try {
    await sameAsTfjs(['seed 4', 'load builtin:iris', "Dense(16, activation='relu')", 'Dropout(0.1)', "Dense(3, activation='softmax')", 'compile optimizer=adam', 'fit epochs=2 batch_size=8'], 'tensorflow');
    await sameAsTfjs(['seed 9', ...CONVNET], 'tensorflow');
    await sameAsTfjs(['seed 11', ...RECURRENT], 'tensorflow');
  } finally {
    delete process.env['KLAYERS_NATIVE_KERNELS'];
  }
});

test('a streamed split trains through the own loop as through tfjs fitDataset, shuffled in its buffer, validated each epoch', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-direct-'));
  const path = join(dir, 'rows.csv');
  const lines = ['x1,x2,x3,label'];
  for (let i = 0; i < 400; i++) lines.push(`${Math.sin(i).toFixed(3)},${Math.cos(i * 0.7).toFixed(3)},${((i * 37) % 11) / 11},${Math.sin(i) > 0.3 ? 'a' : Math.cos(i * 0.7) > 0 ? 'b' : 'c'}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  try {
    const own = await sameAsTfjs(['seed 12', `load ${path} target=label stream=True`, "Dense(8, activation='relu')", 'Dropout(0.1)', "Dense(3, activation='softmax')", 'compile optimizer=adam', 'fit epochs=3 batch_size=32']);
    assert.ok(own.logs.every((l) => 'val_loss' in l));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
