import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBuiltin } from '../../src/data/builtin/index.js';
import { mean, readAll } from './builtin-helpers.js';

interface Point {
  x: number;
  y: number;
  label: string;
}

async function points(name: string, options: { n?: number; noise?: number; seed?: number } = {}): Promise<Point[]> {
  const source = openBuiltin(name, options);
  assert.deepEqual(source.header, ['x', 'y', 'label']);
  return (await readAll(source)).map(([x, y, label]) => ({ x: Number(x), y: Number(y), label: label! }));
}

const radius = (p: Point): number => Math.hypot(p.x, p.y);
const share = (ps: readonly Point[], wrong: (p: Point) => boolean): number => ps.filter(wrong).length / ps.length;

test('every playground set labels with the strings 0 and 1, balanced where the playground balances', async () => {
  for (const name of ['circle', 'xor', 'gauss', 'spiral']) {
    const ps = await points(name);
    assert.deepEqual([...new Set(ps.map((p) => p.label))].sort(), ['0', '1'], name);
    for (const p of ps) assert.ok(name === 'gauss' || (Math.abs(p.x) <= 6 && Math.abs(p.y) <= 6), `${name} stays in the square`);
  }
  for (const name of ['circle', 'gauss', 'spiral']) {
    assert.equal((await points(name, { n: 501 })).filter((p) => p.label === '1').length, 251, name);
  }
});

test('circle without noise: label 1 inside radius 2.5, label 0 on the ring from 3.5 to 5', async () => {
  const ps = await points('circle');
  assert.equal(ps.filter((p) => p.label === '1').length, 250);
  for (const p of ps) {
    if (p.label === '1') assert.ok(radius(p) < 2.5 + 1e-4, `inner point at radius ${radius(p)}`);
    else assert.ok(radius(p) >= 3.5 - 1e-4 && radius(p) <= 5 + 1e-4, `outer point at radius ${radius(p)}`);
  }
});

test('circle with noise: points keep their place but some labels disagree with the radius', async () => {
  const ps = await points('circle', { noise: 0.5 });
  const mislabelled = share(ps, (p) => (radius(p) < 2.5 ? '1' : '0') !== p.label);
  assert.ok(mislabelled > 0.1 && mislabelled < 0.6, `mislabelled share ${mislabelled}`);
  for (const p of ps) assert.ok(radius(p) < 2.5 + 1e-4 || radius(p) >= 3.5 - 1e-4);
});

test('xor without noise: label is 1 exactly where x·y ≥ 0, and points keep 0.3 away from the axes', async () => {
  const ps = await points('xor');
  for (const p of ps) {
    assert.equal(p.label, p.x * p.y >= 0 ? '1' : '0');
    assert.ok(Math.abs(p.x) >= 0.3 - 1e-4 && Math.abs(p.y) >= 0.3 - 1e-4 && Math.abs(p.x) <= 5.3 + 1e-4);
  }
  const wrong = share(await points('xor', { noise: 0.3 }), (p) => (p.x * p.y >= 0 ? '1' : '0') !== p.label);
  assert.ok(wrong > 0.05, `noise flips some labels: ${wrong}`);
});

test('gauss: blobs around (2, 2) and (−2, −2) with variance 0.5 at noise 0 and 4 at noise 0.5', async () => {
  for (const [noise, variance] of [[0, 0.5], [0.5, 4]] as const) {
    const ps = await points('gauss', { n: 4000, noise });
    for (const [label, centre] of [['1', 2], ['0', -2]] as const) {
      const blob = ps.filter((p) => p.label === label);
      const xs = blob.map((p) => p.x);
      assert.ok(Math.abs(mean(xs) - centre) < 0.15, `label ${label} centre ${mean(xs)}`);
      assert.ok(Math.abs(mean(blob.map((p) => p.y)) - centre) < 0.15);
      const v = mean(xs.map((x) => (x - centre) ** 2));
      assert.ok(Math.abs(v - variance) / variance < 0.1, `noise ${noise}: variance ${v}, want ${variance}`);
    }
  }
});

test('spiral without noise: each arm is r = 5·t / (1.75·2π), its radius growing with the angle', async () => {
  const ps = await points('spiral');
  for (const [label, turn] of [['1', 0], ['0', Math.PI]] as const) {
    const arm = ps.filter((p) => p.label === label);
    // Unwrapped angle: the arm turns 1.75 times, a small step per point, so never jumps back by π.
    let angle = 0;
    let previous = 0;
    arm.forEach((p, i) => {
      if (i === 0) return assert.ok(radius(p) < 1e-9, 'each arm starts at the centre');
      angle = Math.atan2(p.x, p.y) - turn;
      while (angle < previous - Math.PI) angle += 2 * Math.PI;
      previous = angle;
      assert.ok(Math.abs(radius(p) - (5 * angle) / (1.75 * 2 * Math.PI)) < 1e-3, `${label} point ${i}`);
      if (i > 1) assert.ok(radius(p) > radius(arm[i - 1]!));
    });
    assert.ok(Math.abs(angle - 1.75 * 2 * Math.PI) < 0.1, `arm turns 1.75 times, got ${angle / (2 * Math.PI)}`);
  }
});

test('spiral noise jitters each coordinate by at most ±noise', async () => {
  const clean = await points('spiral');
  const noisy = await points('spiral', { noise: 0.4 });
  const shifts = noisy.map((p, i) => Math.max(Math.abs(p.x - clean[i]!.x), Math.abs(p.y - clean[i]!.y)));
  assert.ok(Math.max(...shifts) <= 0.4 + 1e-3);
  assert.ok(mean(shifts) > 0.1, `mean shift ${mean(shifts)}`);
});
