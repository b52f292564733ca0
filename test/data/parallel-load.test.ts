/**
 * Large files load on two threads (src/data/csv/read-table-parallel.ts). A worker thread runs the
 * compiled module, so these tests use the build in dist/ (`npm test` compiles first) and a low
 * size threshold, and check that two threads give exactly what one gives, or fall back to it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tmpFile } from './tmp-files.js';
import { repoRoot } from '../helpers/repo-root.js';

process.env['KLAYERS_PARALLEL_LOAD_BYTES'] = '1';
const dist = (m: string) => pathToFileURL(join(repoRoot(), 'dist', 'src', 'data', m)).href;
const { openCsv } = (await import(dist('csv/source.js'))) as typeof import('../../src/data/csv/source.js');
const { readTable } = (await import(dist('csv/read-table.js'))) as typeof import('../../src/data/csv/read-table.js');
const { readTableParallel, SPLIT_SHARE } = (await import(dist('csv/read-table-parallel.js'))) as typeof import('../../src/data/csv/read-table-parallel.js');
const { loadData } = (await import(dist('load.js'))) as typeof import('../../src/data/load.js');
const { parseLoadRequest } = (await import(dist('load-request.js'))) as typeof import('../../src/data/load-request.js');

type Table = Awaited<ReturnType<typeof readTable>>;
const options = { targets: ['y'], types: {}, missing: 'fill' as const };

/** 30,000 rows: numbers with gaps, a category whose later labels first appear past the middle, a binary, a class. */
function bigCsv(row: (i: number) => string): string {
  return `x,size,city,flag,y\n${Array.from({ length: 30_000 }, (_, i) => row(i)).join('\n')}\n`;
}
const plainRow = (i: number) => `${i % 97 === 0 ? '' : ((i * 7919) % 1000) / 8},${i % 3},${i < 20_000 ? `c${i % 4}` : `late${i % 5}`},${i % 2 ? 'yes' : 'no'},k${i % 3}`;

function columnsOf(table: Table): unknown[] {
  return table.stored.map(({ info, data }) => ({ info, values: Array.from(data.kind === 'number' ? data.values : data.codes), labels: data.kind === 'codes' ? data.labels : null }));
}

test('two threads read exactly what one thread reads, labels coded in file order', async () => {
  const path = tmpFile('parallel.csv', bigCsv(plainRow));
  const one = await readTable(await openCsv(path), options);
  const two = await readTableParallel(await openCsv(path), options);
  assert.ok(two, 'the two-thread read should succeed on a plain file');
  assert.equal(two.rowCount, 30_000);
  assert.deepEqual(columnsOf(two), columnsOf(one));
  const city = two.stored.find((c) => c.info.name === 'city')!.data as { labels: string[] };
  assert.deepEqual(city.labels, ['c0', 'c1', 'c2', 'c3', 'late0', 'late1', 'late2', 'late3', 'late4']);
  assert.equal(two.head.length, one.head.length);
});

test('a line break inside a quoted value at the middle falls back to one thread; a clean one does not', async () => {
  // Every row holds a quoted two-line note; the padding decides whether the line break the halves
  // would meet at lies inside a note or between rows. One file of each kind is read.
  const files = new Map<boolean, string>();
  for (let pad = 0; files.size < 2 && pad < 20; pad++) {
    const text = `x,note,y\n${Array.from({ length: 30_000 }, (_, i) => `${i},"first ${i}${'x'.repeat(pad)}\nsecond, ${i}",k${i % 2}`).join('\n')}\n`;
    const meet = text.indexOf('\n', Math.floor(text.length * SPLIT_SHARE)) + 1;
    const insideNote = text.startsWith('second', meet);
    if (!files.has(insideNote)) files.set(insideNote, tmpFile(`parallel-quoted-${pad}.csv`, text));
  }
  assert.equal(files.size, 2);
  for (const [insideNote, path] of files) {
    const one = await readTable(await openCsv(path), options);
    const two = await readTableParallel(await openCsv(path), options);
    assert.equal(two === null, insideNote, insideNote ? 'a split inside a quoted value must fall back' : 'a clean split reads on two threads');
    if (two) assert.deepEqual(columnsOf(two), columnsOf(one));
    const loaded = await loadData(parseLoadRequest([path], { target: 'y' }));
    assert.deepEqual(columnsOf(loaded.dataset.table), columnsOf(one));
  }
});

test('a bad value in the second half is reported with its exact line', async () => {
  const path = tmpFile('parallel-bad.csv', bigCsv((i) => (i === 27_000 ? '1,2,c1,yes,oops,extra' : plainRow(i))));
  assert.equal(await readTableParallel(await openCsv(path), options), null);
  await assert.rejects(loadData(parseLoadRequest([path], { target: 'y' })), /parallel-bad\.csv:27002: this row has 6 values, but the file has 5 columns\./);
});

test('a third value in a binary column past the middle is the same error as on one thread', async () => {
  const path = tmpFile('parallel-binary.csv', bigCsv((i) => (i === 28_000 ? plainRow(i).replace(/,(yes|no),/, ',maybe,') : plainRow(i))));
  await assert.rejects(loadData(parseLoadRequest([path], { target: 'y' })), /parallel-binary\.csv:28002:4: column 'flag' had two values \(no, yes\)/);
});

test('a cancelled two-thread load stops instead of reading again on one thread', async () => {
  const path = tmpFile('parallel-cancel.csv', bigCsv(plainRow));
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(readTableParallel(await openCsv(path), { ...options, signal: controller.signal }), /Stopped loading .*parallel-cancel\.csv \(\d+% read\); the data set is as it was\./);
});
