import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTable } from '../../src/data/csv/read-table.js';
import { freshContext, run } from '../helpers/run.js';
import { memorySource, rowsOf } from './memory-source.js';
import { tmpFile } from './tmp-files.js';

/** An 8×8 pixel CSV like scikit-learn's optdigits: 0–16 inside, few levels on the edges, a digit label last. */
function pixelCsv(rows = 600): string {
  const header = [...Array.from({ length: 64 }, (_, i) => `p${i}`), 'digit'].join(',');
  const lines = [header];
  for (let r = 0; r < rows; r++) {
    const pixels = Array.from({ length: 64 }, (_, i) => {
      const x = i % 8;
      if (x === 0) return 0; // a blank edge: one value
      if (x === 7) return (r * 7 + i) % 4; // a faint edge: 0–3
      return (r * 13 + i * 5) % 17;
    });
    lines.push([...pixels, r % 10].join(','));
  }
  return lines.join('\n') + '\n';
}

const inputOf = (text: string) => /Input\(shape=\(([^)]*)\)\)/.exec(text)?.[1];

test('a pixel CSV of 64 integer columns 0–16 loads as 64 numbers, not 882 one-hot features', async () => {
  const path = tmpFile('pixels.csv', pixelCsv());
  const r = await run(freshContext(), `load ${path} target=digit`);
  assert.equal(r.ok, true, r.text);
  assert.equal(inputOf(r.text), '64,');
  assert.doesNotMatch(r.text, /^p\d+ +integer-category/m);
  assert.match(r.text, /^p1 +number +feature +17 distinct integers \(over 10: a number\)$/m);
  assert.match(r.text, /^p0 +number +feature +one of 64 integer columns on 0–16 \(pixels\?\)$/m);
  assert.match(r.text, /^digit +integer-category +target +10 distinct integers$/m);
});

test('reshape= of the pixel CSV is accepted', async () => {
  const path = tmpFile('pixels-reshape.csv', pixelCsv());
  const r = await run(freshContext(), `load ${path} target=digit reshape=(8, 8, 1)`);
  assert.equal(r.ok, true, r.text);
  assert.equal(inputOf(r.text), '8, 8, 1');
});

test('integer features: over 10 levels are numbers, a few codes stay categories', async () => {
  const rows = rowsOf(300, (i) => [i % 4, i % 12, (i * 7) % 30, i % 3]);
  const table = await readTable(memorySource(['cp', 'hours', 'age', 'y'], rows), { targets: ['y'], types: {}, missing: 'fill' });
  const types = Object.fromEntries(table.columns.map((c) => [c.name, `${c.type}: ${c.why}`]));
  assert.deepEqual(types, {
    cp: 'integer-category: 4 distinct integers (10 or fewer: codes)',
    hours: 'number: 12 distinct integers (over 10: a number)',
    age: 'number: numbers',
    y: 'integer-category: 3 distinct integers',
  });
});

/** A 3×3 image of 0–3 levels: every column a few integer codes, too few columns to be a block. */
function smallImageCsv(): string {
  const lines = [[...Array.from({ length: 9 }, (_, i) => `q${i}`), 'y'].join(',')];
  for (let r = 0; r < 200; r++) lines.push([...Array.from({ length: 9 }, (_, i) => (r + i) % 4), r % 2 ? 'a' : 'b'].join(','));
  return lines.join('\n') + '\n';
}

test('reshape= and window= read integer codes as numbers (a reshape of one-hot columns makes no sense)', async () => {
  const path = tmpFile('small-image.csv', smallImageCsv());
  const plain = await run(freshContext(), `load ${path} target=y`);
  assert.equal(inputOf(plain.text), '36,'); // 9 columns of 4 codes, one-hot
  const r = await run(freshContext(), `load ${path} target=y reshape=(3, 3, 1)`);
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /^q0 +number +feature +numbers: reshape=\(3, 3, 1\)$/m);
  assert.equal(inputOf(r.text), '3, 3, 1');
  const windowed = await run(freshContext(), `load ${path} target=y window=5`);
  assert.equal(windowed.ok, true, windowed.text);
  assert.match(windowed.text, /^q0 +number +feature +numbers: window=5$/m);
});

test('numeric=True reads every numeric feature as a number; types= still wins', async () => {
  const path = tmpFile('small-image-numeric.csv', smallImageCsv());
  const r = await run(freshContext(), `load ${path} target=y numeric=True types="q8:category"`);
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /^q0 +number +feature +numbers: numeric=True$/m);
  assert.match(r.text, /^q8 +category +feature +set to category$/m);
  assert.match(r.text, /^y +binary +target/m);
  assert.equal(inputOf(r.text), '12,'); // 8 numbers + 4 one-hot codes of q8
});

test('builtin:digits loads as before: 64 pixels set to number', async () => {
  const r = await run(freshContext(), 'load builtin:digits n=200 reshape=(8, 8, 1)');
  assert.equal(r.ok, true, r.text);
  assert.equal((r.text.match(/^p\d+ +number +feature +set to number$/gm) ?? []).length, 64);
  assert.equal(inputOf(r.text), '8, 8, 1');
});
