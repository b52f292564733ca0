import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsvHead } from '../../src/data/csv/open.js';
import { checkFitsInMemory, fitsInMemory } from '../../src/data/csv/memory-check.js';
import { tmpFile } from './tmp-files.js';

const body = (rows: number) => `a,b,c,y\n${Array.from({ length: rows }, (_, i) => `${i},${i % 7},${(i * 3) % 11},k${i % 2}`).join('\n')}\n`;

test("the head judges a file's row count from its line length", async () => {
  const head = await readCsvHead(tmpFile('estimate.csv', body(200_000)), {});
  // Early lines hold smaller numbers, so shorter lines: a guide within a quarter, not a count.
  assert.ok(Math.abs(head.estimatedRows - 200_001) / 200_001 < 0.25, `estimated ${head.estimatedRows}`);
});

test('stream=False on a file whose columns would not fit in free memory is refused before reading, naming the sizes and the ways out', async () => {
  const path = tmpFile('too-big.csv', body(200_000));
  const head = await readCsvHead(path, {});
  // ~200,000 rows × 4 columns × 4 bytes ≈ 3.5 MB: fine with 100 MB free, refused with 6 MB free.
  assert.doesNotThrow(() => checkFitsInMemory(path, head, 0, 100e6));
  assert.throws(
    () => checkFitsInMemory(path, head, 0, 6e6),
    (err: Error & { hint?: string }) => {
      assert.match(err.message, /too-big\.csv holds about [\d,]+ rows × 4 columns \(≈ \d MB in memory\), more than the 6 MB of memory free can hold while loading\./);
      assert.match(err.hint ?? '', /^Leave out stream=False to read it from disk on every pass, load a sample \(e\.g\. head -n 1000001 .*too-big\.csv > sample\.csv\), or leave columns out with types="NAME:ignore"\./);
      return true;
    },
  );
  // Ignored columns are not stored: with two of four left out it fits.
  assert.doesNotThrow(() => checkFitsInMemory(path, head, 2, 6e6));
  // The same judgement decides whether a load without stream= streams the file.
  assert.deepEqual([fitsInMemory(head, 0, 100e6), fitsInMemory(head, 0, 6e6), fitsInMemory(head, 2, 6e6)], [true, false, true]);
});
