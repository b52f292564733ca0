import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freshContext, run } from '../helpers/run.js';
import { tmpFile } from './tmp-files.js';
import { repoRoot } from '../helpers/repo-root.js';
import type { MemorySplit } from '../../src/data/encode/dataset.js';

const FLOWERS = join(repoRoot(), 'test', 'data', 'fixtures', 'flowers.csv');

test('load prints the types, the task, every choice and the split', async () => {
  const ctx = freshContext(100);
  const r = await run(ctx, `load ${FLOWERS} target=species`);
  assert.equal(r.ok, true, r.text);
  const lines = r.text.split('\n');
  assert.match(lines[0]!, /^Loaded .*flowers\.csv: 30 rows, 5 columns \(delimiter ',', header line\)\.$/);
  assert.ok(lines.some((l) => /^color\s+binary\s+feature\s+two values$/.test(l)), r.text);
  assert.ok(lines.some((l) => /^notes\s+ignored\s+ignored\s+all values unique/.test(l)), r.text);
  assert.ok(lines.includes("Task: classification (3 classes). Last layer: Dense(3, activation='softmax'), loss: 'categorical_crossentropy'."));
  assert.ok(lines.includes('  color: binary, blue = 0, red = 1'));
  assert.ok(lines.includes('  species (target): one-hot classes setosa, versicolor, virginica'));
  assert.ok(lines.includes('Split: train 24, validation 6, test 0 (validation=0.2 test=0, shuffled with seed=42, stratified).'));
});

test('data shows the schema with class balance; data head shows raw and encoded rows', async () => {
  const ctx = freshContext(120);
  await run(ctx, `load ${FLOWERS} target=species`);
  const shown = (await run(ctx, 'data')).text;
  assert.match(shown, /species\s+category\s+target\s+0\s+setosa 33\.3%, versicolor 33\.3%, virginica 33\.3%/);
  assert.match(shown, /Arrays: x train \(24, 3\), validation \(6, 3\), test \(0, 3\); y train \(24, 3\), validation \(6, 3\), test \(0, 3\)\./);
  const head = (await run(ctx, 'data head 2')).text.split('\n');
  assert.equal(head.length, 4);
  assert.match(head[2]!, /^1\s+\S+, \S+, red, note 0, unique, setosa\s+/);
  assert.match(head[2]!, /1, 0, 0$/);
});

test('split re-divides and re-fits; the same seed gives the same split', async () => {
  const ctx = freshContext();
  await run(ctx, `load ${FLOWERS} target=species`);
  const r = await run(ctx, 'split validation=0.2 test=0.1 seed=7 stratify=True');
  assert.equal(r.text, 'Split: train 21, validation 6, test 3 (validation=0.2 test=0.1, shuffled with seed=7, stratified).');
  const first = [...(ctx.session.data!.dataset.test as MemorySplit).rows];
  await run(ctx, 'split seed=8');
  await run(ctx, 'split seed=7');
  assert.deepEqual([...(ctx.session.data!.dataset.test as MemorySplit).rows], first);
  const bad = await run(ctx, 'split validation=0.7 test=0.5');
  assert.equal(bad.ok, false);
  assert.match(bad.text, /leave no rows for training/);
});

test('column shows one column; column NAME type= re-encodes, types= does the same on load', async () => {
  const ctx = freshContext(100);
  await run(ctx, `load ${FLOWERS} target=species`);
  const shown = (await run(ctx, 'column color')).text;
  assert.match(shown, /^color: binary \(two values\), feature\.\nEncoded as 1 value\(s\): color\./);
  const changed = await run(ctx, 'column color type=category');
  assert.equal(changed.ok, true, changed.text);
  assert.deepEqual(ctx.session.data!.dataset.featureNames, ['sepal_length', 'sepal_width', 'color=blue', 'color=red']);
  const viaLoad = freshContext();
  await run(viaLoad, `load ${FLOWERS} target=species types="color:category,sepal_width:ignore"`);
  assert.deepEqual(viaLoad.session.data!.dataset.featureNames, ['sepal_length', 'color=blue', 'color=red']);
  const typo = await run(ctx, 'column colour type=category');
  assert.equal(typo.text, "Error: column 'colour' is not a column. Did you mean 'color'? Columns: sepal_length, sepal_width, color, notes, species.");
});

test('without a target= the last column is predicted, and said so; data before load is an error', async () => {
  const ctx = freshContext();
  assert.equal((await run(ctx, 'data')).text, 'Error: No data loaded yet. Load some: load PATH.csv target=COLUMN, or load builtin:iris.');
  const r = await run(ctx, `load ${FLOWERS}`);
  assert.match(r.text, /No target= given: predicting 'species' \(the last column\)\./);
});

test('load checks its keywords', async () => {
  const ctx = freshContext();
  const r = await run(ctx, `load ${FLOWERS} traget=species`);
  assert.match(r.text, /^Error: load takes no traget=\. Did you mean 'target'\?/);
  const scale = await run(ctx, `load ${FLOWERS} scale=minmx`);
  assert.match(scale.text, /^Error: Unknown scale 'minmx'\. Did you mean 'minmax'\?/);
});

test('a regression CSV with a missing value lists the fill; missing=drop drops the row', async () => {
  const path = tmpFile('reg.csv', 'x,y\n' + Array.from({ length: 30 }, (_, i) => `${i === 4 ? '' : (i * 1.7) % 13},${i * 2.5}`).join('\n') + '\n');
  const ctx = freshContext();
  const r = await run(ctx, `load ${path} target=y`);
  assert.match(r.text, /Task: regression\. Last layer: Dense\(1\), loss: 'mse'\./);
  assert.match(r.text, /  x: z-score \(mean [\d.]+, std [\d.]+\), 1 missing → training mean/);
  const dropped = await run(ctx, `load ${path} target=y missing=drop`);
  assert.match(dropped.text, /dropped 1 rows with a missing value \(missing=drop\)/);
});

test('a progress line is reported while a file loads, with its share read and the time so far', async () => {
  const { openCsv } = await import('../../src/data/csv/source.js');
  const { readTable } = await import('../../src/data/csv/read-table.js');
  const lines: string[] = [];
  const body = Array.from({ length: 60_000 }, (_, i) => `${i % 97},${(i * 7) % 13},${i % 2}`).join('\n');
  const source = await openCsv(tmpFile('progress.csv', `a,b,y\n${body}\n`));
  await readTable(source, { targets: ['y'], types: {}, missing: 'fill', progress: (t) => lines.push(t), progressEveryMs: 0 });
  assert.ok(lines.length > 1);
  for (const l of lines) assert.match(l, /^Reading .*progress\.csv: \d+% of 0\.\d MB \([\d.]+ s\)$/);
  assert.match(lines.at(-1)!, /: 100% of /);
});

test('help load lists every builtin data set with what it suits', async () => {
  const r = await run(freshContext(100), 'help load');
  for (const name of ['iris', 'friedman', 'digits', 'sine', 'circle', 'xor', 'gauss', 'spiral']) assert.match(r.text, new RegExp(`^  builtin:${name} +\\S.*rows\\.$`, 'm'));
  assert.match(r.text, /builtin:digits +.*reshape=\(8, 8, 1\)/);
  assert.match(r.text, /builtin:sine +.*window=20 horizon=1/);
});

test('a single numeric series without window= is refused with the window hint', async () => {
  const r = await run(freshContext(100), 'load builtin:sine');
  assert.equal(r.ok, false);
  assert.match(r.text, /builtin:sine has no feature columns left besides the target\. One numeric column is a series: window=20 horizon=1/);
});

test('data checks the model against the data again after the model changed', async () => {
  const ctx = freshContext(100);
  await run(ctx, 'load builtin:iris');
  assert.doesNotMatch((await run(ctx, 'data')).text, /Warning/);
  await run(ctx, 'Dense(8)');
  await run(ctx, 'Dense(2)');
  assert.match((await run(ctx, 'data')).text, /Warning: The model's output is \(None, 2\), the target needs \(None, 3\): end with Dense\(3, activation='softmax'\)/);
});
