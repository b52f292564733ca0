import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run } from '../helpers/run.js';
import { tmpFile, TMP_DIR } from './tmp-files.js';

/** 40 rows of numbers; column b has `oops` on file line 4 (the third row). */
function strayCsv(): string {
  const rows = ['a,b,c,y'];
  for (let i = 0; i < 40; i++) {
    const b = i === 2 ? 'oops' : (i * 0.37 + 0.01).toFixed(2);
    rows.push(`${(i * 0.13).toFixed(2)},${b},${['p', 'q', 'r'][i % 3]},${(i * 0.7).toFixed(2)}`);
  }
  return rows.join('\n') + '\n';
}

async function load(line: string): Promise<{ ok: boolean; text: string }> {
  const r = await run(freshContext(), line);
  return { ok: r.ok, text: r.text.replaceAll(TMP_DIR + '/', '') };
}

test('a number column broken by one text cell names the cell and the fixes instead of "mostly unique values"', async () => {
  const path = tmpFile('stray.csv', strayCsv());
  const r = await load(`load ${path} target=y`);
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /^b +ignored +ignored +numbers, but 'oops' on line 4$/m);
  assert.match(r.text, /^Column 'b' is ignored: it holds numbers, but stray\.csv:4 has 'oops'\. Read it as missing with na_values=oops \(add missing=drop to drop those rows\), or fix the file\.$/m);
  assert.doesNotMatch(r.text, /mostly unique/);
});

test('na_values= reads the stray cell as missing: the column is a number, the cell filled, or its row dropped', async () => {
  const path = tmpFile('stray-fix.csv', strayCsv());
  const filled = await load(`load ${path} target=y na_values=oops`);
  assert.equal(filled.ok, true, filled.text);
  assert.match(filled.text, /^b +number +feature +numbers$/m);
  assert.match(filled.text, /b: z-score .*, 1 missing → training mean/);
  assert.doesNotMatch(filled.text, /is ignored/);
  const dropped = await load(`load ${path} target=y na_values=oops missing=drop`);
  assert.equal(dropped.ok, true, dropped.text);
  assert.match(dropped.text, /: 39 rows, 4 columns/);
  // A streamed file is read again on every pass: na_values= holds on those passes too.
  const streamed = await load(`load ${path} target=y na_values=oops stream=True`);
  assert.equal(streamed.ok, true, streamed.text);
  assert.match(streamed.text, /b: z-score .*, 1 missing → training mean/);
});

test('na_values= takes numbers too: -999 in a number column is missing, not a value', async () => {
  const rows = ['x,y'];
  for (let i = 0; i < 30; i++) rows.push(`${i === 5 ? '-999' : (i * 0.5).toFixed(1)},${i % 2}`);
  const path = tmpFile('sentinel.csv', rows.join('\n') + '\n');
  const r = await load(`load ${path} target=y na_values="-999"`);
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /x: z-score \(mean 7\.2\d*, .*\), 1 missing → training mean/);
});

test('a number target broken by one text cell is refused with its place and the fix', async () => {
  const rows = ['a,y'];
  for (let i = 0; i < 40; i++) rows.push(`${i % 3},${i === 7 ? 'n/k' : (i * 0.37).toFixed(2)}`);
  const path = tmpFile('stray-target.csv', rows.join('\n') + '\n');
  const r = await load(`load ${path} target=y`);
  assert.equal(r.text, `Error: stray-target.csv:9: target 'y' holds numbers, but this row has 'n/k'. Read 'n/k' as missing (those rows are dropped): na_values="n/k", or fix the file.`);
  const fixed = await load(`load ${path} target=y na_values="n/k"`);
  assert.equal(fixed.ok, true, fixed.text);
  assert.match(fixed.text, /: 39 rows, 2 columns/);
  assert.match(fixed.text, /Task: regression/);
});
