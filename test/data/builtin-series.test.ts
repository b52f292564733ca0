import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBuiltin } from '../../src/data/builtin/index.js';
import { mean, numbers, readAll, std } from './builtin-helpers.js';

/** Friedman (1991), first test function. */
const friedman1 = (x: readonly number[]): number =>
  10 * Math.sin(Math.PI * x[0]! * x[1]!) + 20 * (x[2]! - 0.5) ** 2 + 10 * x[3]! + 5 * x[4]!;

async function friedmanResiduals(noise: number): Promise<number[]> {
  const rows = await readAll(openBuiltin('friedman', { n: 4000, noise }));
  return rows.map((row) => Number(row[10]) - friedman1(row.slice(0, 10).map(Number)));
}

test('friedman: ten inputs uniform on [0, 1] and y from Friedman\'s formula', async () => {
  const source = openBuiltin('friedman', {});
  assert.deepEqual(source.header, ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'y']);
  const rows = await readAll(source);
  for (const column of source.header.slice(0, 10)) {
    const xs = numbers(source, rows, column);
    assert.ok(xs.every((x) => x >= 0 && x <= 1));
    assert.ok(Math.abs(mean(xs) - 0.5) < 0.05, `${column} mean ${mean(xs)}`);
  }
  for (const r of await friedmanResiduals(0)) assert.ok(Math.abs(r) < 0.01, `noiseless residual ${r}`);
});

test('friedman: noise is the standard deviation of y around the formula (default 1, as Friedman)', async () => {
  for (const noise of [1, 3]) {
    const residuals = await friedmanResiduals(noise);
    assert.ok(Math.abs(mean(residuals)) < 0.1 * noise);
    assert.ok(Math.abs(std(residuals) - noise) < 0.05 * noise, `noise ${noise}: std ${std(residuals)}`);
  }
  const byDefault = await readAll(openBuiltin('friedman', { n: 4000 }));
  const fromOne = await readAll(openBuiltin('friedman', { n: 4000, noise: 1 }));
  assert.deepEqual(byDefault, fromOne);
});

const signal = (t: number): number => Math.sin((2 * Math.PI * t) / 20) + 0.5 * Math.sin((2 * Math.PI * t) / 100) + 0.001 * t;

test('sine: one row per step t = 0…n−1 with value = cycle + season + trend', async () => {
  const source = openBuiltin('sine', { noise: 0 });
  assert.deepEqual(source.header, ['t', 'value']);
  assert.match(source.description ?? '', /window=20 horizon=1/);
  const rows = await readAll(source);
  assert.deepEqual(numbers(source, rows, 't'), Array.from({ length: 1000 }, (_, t) => t));
  for (const [t, value] of rows) assert.ok(Math.abs(Number(value) - signal(Number(t))) < 1e-4);
});

test('sine: noise is the standard deviation around the signal', async () => {
  for (const noise of [0.1, 0.5]) {
    const rows = await readAll(openBuiltin('sine', { n: 5000, noise }));
    const residuals = rows.map(([t, value]) => Number(value) - signal(Number(t)));
    assert.ok(Math.abs(std(residuals) - noise) < 0.05 * noise, `noise ${noise}: std ${std(residuals)}`);
  }
});
