/**
 * A classification target is held as class indices, in memory and in streamed batches, and the
 * form its loss needs is built once, where a split is handed to the engine: the sparse loss gets
 * the stored indices themselves, the categorical one a one-hot copy. Both train to the same
 * numbers, which a hand-computed SGD step on a zero-initialised softmax layer predicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dataset, MemorySplit, StreamedSplit } from '../../src/data/encode/dataset.js';
import { isStream } from '../../src/core/training.js';
import { engineSplit } from '../../src/train/prepare.js';
import { tmpFile } from '../data/tmp-files.js';
import { run, session } from './helpers.js';

const CLASSES = ['ant', 'bee', 'cat'];

/** 60 rows: two numbers and a class that depends on them (so a step has something to learn). */
function csv(name: string): { path: string; rows: { a: number; b: number; label: string }[] } {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const a = ((i * 7) % 13) - 6;
    const b = ((i * 5) % 11) * 0.5;
    return { a, b, label: CLASSES[(a > 0 ? 1 : 0) + (b > 2.5 ? 1 : 0)]! };
  });
  return { path: tmpFile(name, ['a,b,label', ...rows.map((r) => `${r.a},${r.b},${r.label}`)].join('\n') + '\n'), rows };
}

const datasetOf = (ctx: ReturnType<typeof session>): Dataset => ctx.session.data!.dataset;

test('a class target is stored as one class index per sample, in memory and in streamed batches', async () => {
  const { path, rows } = csv('indices.csv');
  const ctx = session();
  await run(ctx, `load ${path} target=label validation=0.25`);
  const d = datasetOf(ctx);
  assert.deepEqual(d.classNames, CLASSES);
  assert.deepEqual(d.targetShape, [3]); // what the model's output meets …
  const train = d.train as MemorySplit;
  assert.equal(train.y.length, train.size); // … but the data holds indices, never one-hot rows
  train.rows.forEach((r, i) => assert.equal(train.y[i], CLASSES.indexOf(rows[r]!.label)));

  await run(ctx, `load ${path} target=label validation=0.25 stream=True`);
  const streamed = datasetOf(ctx).train as StreamedSplit;
  const seen: number[] = [];
  for await (const b of streamed.batches(16, null)) {
    assert.equal(b.y.length, b.size);
    seen.push(...b.y);
  }
  assert.deepEqual(seen, [...train.y]); // the same rows in file order, the same indices
});

test('the engine gets the stored indices for a sparse loss and a one-hot copy for a categorical one', async () => {
  const { path } = csv('forms.csv');
  const ctx = session();
  await run(ctx, `load ${path} target=label validation=0.25`);
  const d = datasetOf(ctx);
  const train = d.train as MemorySplit;
  const sparse = engineSplit(d, train, 'as-is');
  assert.ok(!isStream(sparse));
  assert.equal(sparse.y, train.y); // the very array: nothing decoded from one-hot
  assert.deepEqual(sparse.yShape, [1]);
  const categorical = engineSplit(d, train, 'one-hot');
  assert.ok(!isStream(categorical));
  assert.deepEqual(categorical.yShape, [3]);
  assert.deepEqual([...categorical.y], [...train.y].flatMap((k) => CLASSES.map((_, j) => (j === k ? 1 : 0))));
});

/**
 * Epoch losses of a full-batch SGD fit of Dense(3, softmax) from zero weights, in float64: the
 * first epoch's loss is ln 3 (uniform outputs); each step moves the weights by
 * -lr · xᵀ(p - y)/n and the bias by -lr · mean(p - y), then the next epoch's loss is the mean
 * cross-entropy of the new softmax outputs.
 */
function expectedLosses(x: Float32Array, labels: readonly number[], features: number, lr: number, epochs: number): number[] {
  const n = labels.length;
  const k = CLASSES.length;
  const w = new Float64Array(features * k);
  const bias = new Float64Array(k);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const gw = new Float64Array(features * k);
    const gb = new Float64Array(k);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const z = Array.from({ length: k }, (_, c) => bias[c]! + Array.from({ length: features }, (_, f) => x[i * features + f]! * w[f * k + c]!).reduce((a, b) => a + b, 0));
      const top = Math.max(...z);
      const exp = z.map((v) => Math.exp(v - top));
      const sum = exp.reduce((a, b) => a + b, 0);
      const p = exp.map((v) => v / sum);
      loss -= Math.log(p[labels[i]!]!);
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === labels[i] ? 1 : 0)) / n;
        gb[c]! += g;
        for (let f = 0; f < features; f++) gw[f * k + c]! += x[i * features + f]! * g;
      }
    }
    losses.push(loss / n);
    gw.forEach((g, j) => (w[j]! -= lr * g));
    gb.forEach((g, c) => (bias[c]! -= lr * g));
  }
  return losses;
}

for (const stream of [false, true]) {
  test(`sparse and categorical crossentropy train to the same, hand-computed losses${stream ? ' (streamed)' : ''}`, async () => {
    const { path, rows } = csv(`same-${stream}.csv`);
    const losses: Record<string, number[]> = {};
    let expected: number[] = [];
    for (const loss of ['sparse_categorical_crossentropy', 'categorical_crossentropy']) {
      const ctx = session();
      await run(
        ctx,
        'seed 3',
        `load ${path} target=label validation=0${stream ? ' stream=True' : ''}`,
        "Dense(3, activation='softmax', kernel_initializer='zeros')",
        `compile optimizer=SGD(learning_rate=0.5) loss=${loss}`,
        'fit epochs=4 batch_size=1000 shuffle=False',
      );
      losses[loss] = ctx.session.training.history.map((h) => h.logs['loss']!);
      if (!stream) {
        // x as klayers scaled it; the labels from the file itself, not from klayers' targets.
        const train = datasetOf(ctx).train as MemorySplit;
        expected = expectedLosses(train.x, [...train.rows].map((r) => CLASSES.indexOf(rows[r]!.label)), 2, 0.5, 4);
      }
    }
    if (stream) expected = expectedLosses(await memoryX(path), rows.map((r) => CLASSES.indexOf(r.label)), 2, 0.5, 4);
    const sparse = losses['sparse_categorical_crossentropy']!;
    const categorical = losses['categorical_crossentropy']!;
    assert.equal(sparse.length, 4);
    assert.ok(Math.abs(sparse[0]! - Math.log(3)) < 1e-6, `first loss ${sparse[0]} vs ln 3`);
    sparse.forEach((l, e) => assert.ok(Math.abs(l - expected[e]!) < 1e-5, `epoch ${e + 1}: ${l} vs ${expected[e]}`));
    assert.deepEqual(categorical, sparse);
    assert.ok(sparse[3]! < sparse[0]! - 0.05, 'the steps learn something');
  });
}

/** The scaled x of every row of a file loaded in memory with no held-out rows. */
async function memoryX(path: string): Promise<Float32Array> {
  const ctx = session();
  await run(ctx, `load ${path} target=label validation=0`);
  return (datasetOf(ctx).train as MemorySplit).x;
}
