import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBuiltin } from '../../src/data/builtin/index.js';
import { readAll } from './builtin-helpers.js';

interface Image {
  pixels: number[];
  digit: number;
}

async function images(options: { n?: number; noise?: number; seed?: number } = {}): Promise<Image[]> {
  return (await readAll(openBuiltin('digits', options))).map((row) => ({ pixels: row.slice(0, 64).map(Number), digit: Number(row[64]) }));
}

function centroids(set: readonly Image[]): number[][] {
  return Array.from({ length: 10 }, (_, digit) => {
    const own = set.filter((image) => image.digit === digit);
    return Array.from({ length: 64 }, (_, i) => own.reduce((sum, image) => sum + image.pixels[i]!, 0) / own.length);
  });
}

const distance = (a: readonly number[], b: readonly number[]): number => Math.hypot(...a.map((v, i) => v - b[i]!));

test('digits: 64 pixel columns p0…p63 of integers 0–16 and a digit target, suggested reshape (8, 8, 1)', async () => {
  const source = openBuiltin('digits', {});
  assert.deepEqual(source.header, [...Array.from({ length: 64 }, (_, i) => `p${i}`), 'digit']);
  assert.deepEqual(source.suggestedReshape, [8, 8, 1]);
  for (const row of await readAll(source)) {
    for (const cell of row.slice(0, 64)) assert.match(cell, /^(1[0-6]|[0-9])$/);
    assert.match(row[64]!, /^[0-9]$/);
  }
});

test('digits: the 1800 default images are 180 of each digit', async () => {
  const counts = new Array<number>(10).fill(0);
  for (const image of await images()) counts[image.digit]!++;
  assert.deepEqual(counts, new Array<number>(10).fill(180));
});

test('digits: every class has its own mean image, far from every other class', async () => {
  const means = centroids(await images());
  for (let a = 0; a < 10; a++) {
    for (let b = a + 1; b < 10; b++) assert.ok(distance(means[a]!, means[b]!) > 8, `digits ${a} and ${b} look alike`);
  }
});

/** Share of `test` images whose digit is the one `guess` picks. */
function accuracy(test: readonly Image[], guess: (image: Image) => number): number {
  return test.filter((image) => guess(image) === image.digit).length / test.length;
}

const closest = (scores: readonly number[]): number => scores.indexOf(Math.min(...scores));

test('digits: classes are learnable across seeds (1-nearest-neighbour > 95%, nearest mean image > 75%)', async () => {
  const train = await images({ n: 1000, seed: 1 });
  const test = await images({ n: 300, seed: 2 });
  const oneNN = accuracy(test, (image) => train[closest(train.map((t) => distance(t.pixels, image.pixels)))]!.digit);
  assert.ok(oneNN > 0.95, `1-NN accuracy ${oneNN}`);
  const means = centroids(train);
  const nearestMean = accuracy(test, (image) => closest(means.map((m) => distance(image.pixels, m))));
  assert.ok(nearestMean > 0.75, `nearest-mean accuracy ${nearestMean}`);
});

test('digits: images vary (shifts and strokes) even without noise', async () => {
  const fives = (await images({ noise: 0 })).filter((image) => image.digit === 5);
  assert.ok(new Set(fives.map((image) => image.pixels.join(','))).size >= 10);
});

test('digits: without noise pixels are whole 2×2 ink counts (multiples of 4); noise adds other values', async () => {
  const clean = (await images({ n: 100, noise: 0 })).flatMap((image) => image.pixels);
  assert.ok(clean.every((v) => v % 4 === 0));
  assert.ok(clean.filter((v) => v === 0).length > clean.length / 3, 'mostly paper');
  const noisy = (await images({ n: 100, noise: 0.3 })).flatMap((image) => image.pixels);
  assert.ok(noisy.filter((v) => v % 4 !== 0).length > noisy.length / 3);
});
