import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run } from '../helpers/run.js';
import { tmpFile } from './tmp-files.js';
import { buildDataset } from '../../src/data/encode/build-dataset.js';
import { readTable } from '../../src/data/csv/read-table.js';
import { memorySource, rowsOf } from './memory-source.js';

const SPLIT = { validation: 0.2, test: 0, seed: 42, stratify: false, chronological: false };

test('reshape=(2, 2, 1) turns 4 pixel columns into images; a wrong size is refused', async () => {
  const table = await readTable(memorySource(['p1', 'p2', 'p3', 'p4', 'y'], rowsOf(40, (i) => [i % 5, (i * 3) % 7, i % 2 ? 0.5 : 0.25, i * 0.1, i % 2 ? 'a' : 'b'])), { targets: ['y'], types: {}, missing: 'fill' });
  const d = buildDataset(table, { split: SPLIT, scale: 'none', horizon: 1, reshape: [2, 2, 1] });
  assert.deepEqual(d.featureShape, [2, 2, 1]);
  assert.equal(d.train.x.length, d.train.size * 4);
  assert.throws(() => buildDataset(table, { split: SPLIT, scale: 'none', horizon: 1, reshape: [3, 3] }), /reshape=\(3, 3\) needs 9 features; the data has \d+\./);
});

test('window=5 horizon=2 turns a series into (N, 5, features) with the value 2 steps ahead as target', async () => {
  const series = rowsOf(30, (i) => [i * 10]);
  const table = await readTable(memorySource(['v'], series), { targets: ['v'], types: {}, missing: 'fill' });
  const d = buildDataset(table, { split: SPLIT, scale: 'none', horizon: 2, window: 5 });
  const samples = 30 - 5 - 2 + 1;
  assert.deepEqual(d.featureShape, [5, 1]);
  assert.equal(d.train.size + d.validation.size, samples);
  // First sample: rows 0..4 as input, row 4 + 2 = 6 as target.
  assert.deepEqual([...d.train.x.subarray(0, 5)], [0, 10, 20, 30, 40]);
  assert.equal(d.train.y[0], 60);
  // Validation follows training in time.
  const lastTrain = d.train.rows[d.train.size - 1]!;
  assert.equal(d.validation.rows[0], lastTrain + 1);
  const v = d.validation.rows[0]!;
  assert.deepEqual([...d.validation.x.subarray(0, 5)], [v - 6, v - 5, v - 4, v - 3, v - 2].map((r) => r * 10));
});

test('load sets the model input from the data when the model has none (undoable)', async () => {
  const ctx = freshContext();
  const path = tmpFile('four.csv', 'a,b,c,d,y\n' + rowsOf(20, (i) => [i % 3, i * 0.5, (i * 7) % 11, i % 2, i % 2 ? 'p' : 'q']).map((r) => r.join(',')).join('\n'));
  const r = await run(ctx, `load ${path} target=y`);
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /Model input set from the data: Input\(shape=\(4,\)\)\./);
  assert.match((await run(ctx, 'summary')).text, /Total params: 0/);
  await run(ctx, 'undo');
  assert.equal(ctx.session.model.state.input, null);
});

test('a model that expects other features or outputs gets a clear message with the fix', async () => {
  const ctx = freshContext();
  await run(ctx, 'Input(shape=(3,))');
  await run(ctx, 'Dense(10)');
  const path = tmpFile('iris-like.csv', 'a,b,c,d,y\n' + rowsOf(30, (i) => [i % 3, i * 0.5, (i * 7) % 11, i % 2, ['x', 'y', 'z'][i % 3]!]).map((r) => r.join(',')).join('\n'));
  const r = await run(ctx, `load ${path} target=y`);
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /Warning: The model expects 3 features, the data has 4\. Type keras\.Input\(shape=\(4,\)\) to change the Input, or load with reshape=\/window=\./);
  assert.match(r.text, /Warning: The model's output is \(None, 10\), the target needs \(None, 3\): end with Dense\(3, activation='softmax'\) and use loss 'categorical_crossentropy'\./);
  // The fit refuses with the same fix, and the line it gives is accepted and fixes the input.
  await run(ctx, "Dense(3, activation='softmax')");
  const refusedFit = await run(ctx, 'fit epochs=1 verbose=0');
  assert.equal(refusedFit.ok, false);
  assert.match(refusedFit.text, /Type keras\.Input\(shape=\(4,\)\) to change the Input\./);
  assert.equal((await run(ctx, 'keras.Input(shape=(4,))')).ok, true);
  const fit = await run(ctx, 'fit epochs=1 verbose=0');
  assert.equal(fit.ok, true, fit.text);
});
