/**
 * `.keras` and `.weights.h5` files made by real Keras 3.15 (scripts/keras-golden/keras_files.py)
 * open in klayers with Keras's layers, summary, weights, predictions and optimizer state. No
 * Python needed: Keras's own answers are committed beside the files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo-root.js';
import { freshContext, run, runAll } from '../helpers/run.js';
import type { CommandContext } from '../../src/commands/types.js';
import { kerasModelJson } from '../../src/export/keras-json.js';

const DIR = join(repoRoot(), 'test', 'golden', 'keras-files');

interface Golden {
  summary: string;
  layers: { class_name: string; name: string; config: Record<string, unknown> }[];
  weights: { path: string; shape: number[]; values: number[] }[];
  iterations: number;
  x: { shape: number[]; values: number[] };
  y: number[];
  train: { x: number[]; y: number[] };
  next: { iterations: number; weights: number[][] };
}

const golden = (name: string): Golden => JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Golden;


function flatWeights(ctx: CommandContext): Float32Array[] {
  return (ctx.session.engine.currentWeights(ctx.session.model.plan()) ?? []).flatMap((l) => l.arrays);
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return worst;
}

for (const name of ['mlp', 'conv2d', 'conv1d', 'rnn']) {
  test(`load model ${name}.keras (saved by Keras): summary, configs, weights, predictions`, async () => {
    const g = golden(name);
    const ctx = freshContext();
    const loaded = await run(ctx, `load model ${join(DIR, `${name}.keras`)}`);
    assert.ok(loaded.ok, loaded.text);
    assert.match(loaded.text, new RegExp(`optimizer state after ${g.iterations} iterations`));
    const [summary] = await runAll(ctx, ['summary']);
    assert.equal(summary!, g.summary.trimEnd());
    // Each layer's get_config() as klayers writes it back is Keras's own.
    const state = ctx.session.model.state;
    const json = kerasModelJson(state, ctx.session.model.analysis(), ctx.session.training.compile).json as { config: { layers: { class_name: string; config: unknown }[] } };
    const written = json.config.layers.filter((l) => l.class_name !== 'InputLayer');
    g.layers.forEach((l, i) => {
      assert.equal(written[i]?.class_name, l.class_name);
      assert.deepEqual(written[i]?.config, l.config, `${name}: layer ${l.name}'s config`);
    });
    // Weights exactly as saved (float32 bits), in Keras's order.
    const weights = flatWeights(ctx);
    assert.equal(weights.length, g.weights.length);
    g.weights.forEach((w, i) => assert.deepEqual(weights[i], Float32Array.from(w.values), `${name}: ${w.path}`));
    const out = await ctx.session.engine.predict(ctx.session.model.plan(), Float32Array.from(g.x.values), g.x.shape[0]!, g.x.shape.slice(1), null);
    assert.ok(maxDiff(out.values, g.y) <= 1e-5, `${name}: predictions differ by ${maxDiff(out.values, g.y)}`);
  });
}

/** The fixtures' layers as a user types them (scripts/keras-golden/keras_files.py's CASES). */
const TYPED: Record<string, string[]> = {
  mlp: ['Input(shape=(4,))', "Dense(3, activation='relu')", 'Dropout(0.25)', "Activation('tanh')", "Dense(2, activation='softmax')"],
  conv2d: ['Input(shape=(6, 6, 1))', "Conv2D(2, (3, 3), activation='relu', padding='same')", 'MaxPooling2D((2, 2))', 'Conv2D(2, 2)', 'AveragePooling2D(2)', 'Flatten()', "Dense(2, activation='softmax')"],
  conv1d: ['Input(shape=(12, 2))', 'Permute((2, 1))', 'Reshape((12, 2))', "Conv1D(3, 3, activation='tanh')", 'MaxPooling1D(2)', 'AveragePooling1D(2)', 'Flatten()', 'Dense(1)'],
  rnn: ['Input(shape=(5, 3))', 'Masking(0.0)', 'SimpleRNN(3, return_sequences=True)', 'LSTM(2)', 'Dense(1)'],
};

for (const [name, lines] of Object.entries(TYPED)) {
  test(`load weights ${name}.weights.h5 (saved by Keras) into the same layers typed here: Keras's weights and predictions`, async () => {
    const g = golden(name);
    const ctx = freshContext();
    await runAll(ctx, lines);
    const params = g.weights.reduce((n, w) => n + w.values.length, 0);
    const r = await run(ctx, `load weights ${join(DIR, `${name}.weights.h5`)}`);
    assert.ok(r.ok, r.text);
    assert.match(r.text, new RegExp(`^Loaded ${params} parameters from .*${name}\\.weights\\.h5 into 'sequential'\\.$`));
    g.weights.forEach((w, i) => assert.deepEqual(flatWeights(ctx)[i], Float32Array.from(w.values), `${name}: ${w.path}`));
    const out = await ctx.session.engine.predict(ctx.session.model.plan(), Float32Array.from(g.x.values), g.x.shape[0]!, g.x.shape.slice(1), null);
    assert.ok(maxDiff(out.values, g.y) <= 1e-5, `${name}: predictions differ by ${maxDiff(out.values, g.y)}`);
  });
}

test('fit after load model continues from the saved optimizer state: the next step is Keras\'s next step', async () => {
  const g = golden('conv1d');
  const dir = mkdtempSync(join(tmpdir(), 'klayers-keras-'));
  const rows = 8;
  const width = g.train.x.length / rows;
  const header = [...Array.from({ length: width }, (_, i) => `f${i}`), 'y'].join(',');
  const lines = Array.from({ length: rows }, (_, r) => [...g.train.x.slice(r * width, (r + 1) * width), g.train.y[r]].map((v) => String(v)).join(','));
  writeFileSync(join(dir, 'train.csv'), [header, ...lines].join('\n') + '\n');
  const ctx = freshContext();
  await runAll(ctx, [`load model ${join(DIR, 'conv1d.keras')}`, `load ${join(dir, 'train.csv')} target=y scale='none' validation=0 test=0 reshape=(12, 2)`, 'fit epochs=1 batch_size=8 verbose=0']);
  const after = flatWeights(ctx);
  g.next.weights.forEach((w, i) => assert.ok(maxDiff(after[i]!, w) <= 1e-5, `weight ${i} differs from Keras's next step by ${maxDiff(after[i]!, w)}`));
  // The control: the same weights with a fresh Adam (another learning rate makes a new optimizer) step elsewhere.
  const fresh = freshContext();
  await runAll(fresh, [`load model ${join(DIR, 'conv1d.keras')}`, `load ${join(dir, 'train.csv')} target=y scale='none' validation=0 test=0 reshape=(12, 2)`, "compile(optimizer=Adam(learning_rate=0.01), loss='mse')", 'fit epochs=1 batch_size=8 verbose=0']);
  const restarted = flatWeights(fresh);
  assert.ok(g.next.weights.some((w, i) => maxDiff(restarted[i]!, w) > 1e-4), 'a fresh optimizer would not reproduce Keras\'s step');
});
