import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupSizes, SplitAssigner, splitRows } from '../../src/data/encode/split.js';

const BASE = { validation: 0.2, test: 0.1, seed: 42, stratify: false, chronological: false };

test('split sizes follow the fractions and cover every row once', () => {
  const s = splitRows(1000, BASE, null);
  assert.deepEqual([s.train.length, s.validation.length, s.test.length], [700, 200, 100]);
  const all = new Set([...s.train, ...s.validation, ...s.test]);
  assert.equal(all.size, 1000);
});

test('the same seed gives the same split; another seed another one', () => {
  const a = splitRows(500, BASE, null);
  const b = splitRows(500, BASE, null);
  const c = splitRows(500, { ...BASE, seed: 7 }, null);
  assert.deepEqual([...a.validation], [...b.validation]);
  assert.notDeepEqual([...a.validation], [...c.validation]);
});

test('stratify keeps each class share in every split', () => {
  // 900 rows of class 0, 100 of class 1: 10% minority.
  const labels = Int32Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const s = splitRows(1000, { ...BASE, stratify: true }, labels);
  const share = (rows: Uint32Array) => [...rows].filter((r) => labels[r] === 1).length / rows.length;
  assert.equal(share(s.train), 0.1);
  assert.equal(share(s.validation), 0.1);
  assert.equal(share(s.test), 0.1);
});

test('chronological splits keep file order: training first, test last', () => {
  const s = splitRows(10, { ...BASE, chronological: true }, null);
  assert.deepEqual([...s.train], [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual([...s.validation], [7, 8]);
  assert.deepEqual([...s.test], [9]);
});

test('fractions that leave no training rows are refused', () => {
  assert.throws(() => splitRows(10, { ...BASE, validation: 0.6, test: 0.5 }, null), /validation=0.6 and test=0.5 leave no rows for training/);
  assert.throws(() => splitRows(10, { ...BASE, validation: 1.5 }, null), /Expected validation to be a fraction from 0 to 1 \(exclusive\)\. Received: validation=1.5/);
});

test('row by row, the assigner gives the rows splitRows gives (a streamed file splits as one in memory)', () => {
  const labels = Int32Array.from({ length: 997 }, (_, i) => (i * 7) % 3);
  for (const stratify of [false, true]) {
    const settings = { ...BASE, stratify };
    const whole = splitRows(997, settings, labels);
    const assigner = new SplitAssigner(settings, stratify ? groupSizes(labels) : [997]);
    const rows: number[][] = [[], [], []];
    for (let r = 0; r < 997; r++) rows[assigner.next(stratify ? labels[r]! : 0)]!.push(r);
    assert.deepEqual(rows, [[...whole.train], [...whole.validation], [...whole.test]]);
  }
});

test('every row is equally likely to land in each split (selection sampling is uniform)', () => {
  // 3,000 seeds × 10 rows, 2 to validation: each row should be picked 20% of the time
  // (binomial sd ≈ 0.7 percentage points; 3 points is over 4 sd).
  const picked = new Array<number>(10).fill(0);
  for (let seed = 0; seed < 3000; seed++) {
    const s = splitRows(10, { ...BASE, test: 0, seed }, null);
    for (const r of s.validation) picked[r]!++;
  }
  for (const n of picked) assert.ok(Math.abs(n / 3000 - 0.2) < 0.03, `row share ${n / 3000}`);
});
