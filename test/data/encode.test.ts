import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDataset } from '../../src/data/encode/build-dataset.js';
import type { EncodeSettings } from '../../src/data/encode/dataset.js';
import { readTable } from '../../src/data/csv/read-table.js';
import { memorySource, rowsOf } from './memory-source.js';

const SPLIT = { validation: 0.25, test: 0, seed: 1, stratify: false, chronological: false };
const SETTINGS: EncodeSettings = { split: SPLIT, scale: 'standard', horizon: 1 };

async function dataset(header: string[], rows: string[][], settings: Partial<EncodeSettings> = {}, targets = ['y']) {
  const table = await readTable(memorySource(header, rows), { targets, types: {}, missing: 'fill' });
  return { table, d: buildDataset(table, { ...SETTINGS, ...settings }) };
}

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-5, `${a} vs ${b}`);

test('numbers are z-scored with the mean and population std of the training rows only', async () => {
  const rows = rowsOf(40, (i) => [i * i * 0.1, i * 0.5]);
  const { d } = await dataset(['x', 'y'], rows);
  const train = [...d.train.rows].map((r) => Number(rows[r]![0]));
  const mean = train.reduce((a, b) => a + b, 0) / train.length;
  const std = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
  d.train.rows.forEach((r, i) => close(d.train.x[i]!, (Number(rows[r]![0]) - mean) / std));
  // Validation rows use the training statistics too (no peeking).
  d.validation.rows.forEach((r, i) => close(d.validation.x[i]!, (Number(rows[r]![0]) - mean) / std));
  assert.equal(d.task, 'regression');
  d.train.rows.forEach((r, i) => close(d.train.y[i]!, Number(rows[r]![1]))); // regression targets as they are
});

test('scale=minmax maps the training range to 0..1; scale=none keeps values', async () => {
  const rows = rowsOf(20, (i) => [i * 3 - 7, i * 0.5]);
  const { d } = await dataset(['x', 'y'], rows, { scale: 'minmax' });
  const train = [...d.train.rows].map((r) => Number(rows[r]![0]));
  const [min, max] = [Math.min(...train), Math.max(...train)];
  d.train.rows.forEach((r, i) => close(d.train.x[i]!, (Number(rows[r]![0]) - min) / (max - min)));
  const none = (await dataset(['x', 'y'], rows, { scale: 'none' })).d;
  none.train.rows.forEach((r, i) => close(none.train.x[i]!, Number(rows[r]![0])));
});

test('a missing number becomes the training mean (0 after z-scoring)', async () => {
  const rows = rowsOf(20, (i) => [i === 3 ? '' : i, i * 0.5]);
  const { d } = await dataset(['x', 'y'], rows, { split: { ...SPLIT, validation: 0 } });
  const at = [...d.train.rows].indexOf(3);
  close(d.train.x[at]!, 0);
});

test('categories are one-hot over the sorted training vocabulary; binaries are 0/1', async () => {
  const colors = ['red', 'green', 'blue'];
  const rows = rowsOf(30, (i) => [colors[i % 3]!, i % 2 ? 'yes' : 'no', i * 0.5]);
  const { d } = await dataset(['color', 'flag', 'y'], rows);
  assert.deepEqual(d.featureNames, ['color=blue', 'color=green', 'color=red', 'flag']);
  d.train.rows.forEach((r, i) => {
    const x = [...d.train.x.subarray(i * 4, i * 4 + 4)];
    const color = rows[r]![0]!;
    assert.deepEqual(x, [color === 'blue' ? 1 : 0, color === 'green' ? 1 : 0, color === 'red' ? 1 : 0, rows[r]![1] === 'yes' ? 1 : 0]);
  });
});

test('a value never seen in training encodes as all zeros; past 50 values the rest share <unk>', async () => {
  const rows = rowsOf(20, (i) => [i === 19 ? 'new' : ['a', 'b', 'c'][i % 3]!, i * 0.5]);
  // Find a seed that puts the one 'new' row in validation, then check what it became.
  let found = null;
  for (let seed = 0; seed < 50 && !found; seed++) {
    const { d } = await dataset(['c', 'y'], rows, { split: { ...SPLIT, seed } });
    if (d.validation.rows.includes(19)) found = d;
  }
  assert.ok(found);
  assert.deepEqual(found.featureNames, ['c=a', 'c=b', 'c=c']);
  const at = [...found.validation.rows].indexOf(19);
  assert.deepEqual([...found.validation.x.subarray(at * 3, at * 3 + 3)], [0, 0, 0]);
  const many = rowsOf(300, (i) => [`v${i % 60}`, i * 0.5]);
  const wide = (await dataset(['c', 'y'], many, { split: { ...SPLIT, validation: 0 } })).d;
  assert.equal(wide.featureNames.length, 51);
  assert.equal(wide.featureNames.at(-1), 'c=<unk>');
  const e = wide.encoders[0]!;
  assert.equal(e.kind === 'one-hot' && e.vocabulary.length, 50);
});

test('a category target is stored as class indices with its class names (the model meets it one-hot); a binary target is one 0/1 column', async () => {
  const species = ['setosa', 'versicolor', 'virginica'];
  const rows = rowsOf(30, (i) => [i * 0.1, species[i % 3]!]);
  const { d } = await dataset(['x', 'y'], rows);
  assert.equal(d.task, 'multiclass');
  assert.deepEqual(d.classNames, species);
  assert.deepEqual(d.targetShape, [3]);
  assert.equal(d.train.y.length, d.train.size); // one class index per sample, never one-hot
  d.train.rows.forEach((r, i) => assert.equal(d.train.y[i], species.indexOf(rows[r]![1]!)));
  assert.equal(d.suggestion.lastLayer, "Dense(3, activation='softmax')");
  const binary = (await dataset(['x', 'y'], rowsOf(30, (i) => [i * 0.1, i % 3 ? 'spam' : 'ham']))).d;
  assert.equal(binary.task, 'binary');
  assert.deepEqual(binary.targetShape, [1]);
  assert.deepEqual(binary.classNames, ['ham', 'spam']);
  assert.equal(binary.suggestion.loss, 'binary_crossentropy');
});

test('arrays are float32 of size × features', async () => {
  const { d } = await dataset(['a', 'b', 'y'], rowsOf(50, (i) => [i * 2, i % 7, i * 0.5]));
  assert.ok(d.train.x instanceof Float32Array);
  assert.equal(d.train.x.length, d.train.size * 2);
  assert.equal(d.train.size + d.validation.size, 50);
});

test('hex class labels are text, sorted as Python sorts strings, not by their value', async () => {
  const codes = ['0x9', '0x10', '0x2'];
  const { d } = await dataset(['x', 'y'], rowsOf(30, (i) => [i * 0.1, codes[i % 3]!]));
  assert.equal(d.task, 'multiclass');
  assert.deepEqual(d.classNames, ['0x10', '0x2', '0x9']); // sorted(['0x9', '0x10', '0x2'])
});
