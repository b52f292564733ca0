import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run } from '../helpers/run.js';
import { tmpFile, TMP_DIR } from './tmp-files.js';

/** Loads a file and returns the one error line a user reads. */
async function loadError(content: string | Uint8Array, extra = '', name = 'bad.csv'): Promise<string> {
  const path = tmpFile(name, content);
  const r = await run(freshContext(), `load ${path} ${extra}`);
  assert.equal(r.ok, false, r.text);
  return r.text.replaceAll(TMP_DIR + '/', '');
}

test('a missing file names the path and where relative paths start', async () => {
  const r = await run(freshContext(), 'load no/such/file.csv');
  assert.equal(r.ok, false);
  assert.equal(r.text, `Error: No such file: no/such/file.csv. Paths are relative to ${process.cwd()}; builtin data sets load as builtin:iris.`);
});

test('a directory is refused', async () => {
  const r = await run(freshContext(), `load ${TMP_DIR}`);
  assert.equal(r.text, `Error: ${TMP_DIR} is a directory, not a CSV file. Give the path of a .csv file inside it.`);
});

test('an empty file', async () => {
  assert.equal(await loadError('', '', 'empty.csv'), 'Error: empty.csv is empty. A CSV file needs a header line and at least one row.');
});

test('a header without rows', async () => {
  assert.equal(await loadError('a,b,y\n', '', 'head.csv'), 'Error: head.csv has a header but no data rows. Add rows below the header line.');
});

test('a ragged row names its line and both counts', async () => {
  assert.equal(
    await loadError('a,b,y\n1,2,x\n3,4,5,z\n', 'target=y', 'ragged.csv'),
    'Error: ragged.csv:3: this row has 4 values, but the file has 3 columns. Fix the row, or quote a value that contains the delimiter ("a, b").',
  );
});

test('text in a column that held numbers names line, column, value and the fix', async () => {
  let csv = 'a,b,y\n';
  for (let i = 0; i < 10_005; i++) csv += `${i % 7},${i * 0.5},${i % 2 ? 'p' : 'q'}\n`;
  csv += '1,abc,p\n'; // line 10,007: header + 10,005 rows before it
  assert.equal(
    await loadError(csv, 'target=y', 'late-text.csv'),
    `Error: late-text.csv:10007:2: column 'b' held numbers in the first 10,000 rows, but this row has 'abc'. Fix the value, or read the column as text: types="b:category".`,
  );
});

test('a target that is not a column suggests the closest', async () => {
  assert.equal(await loadError('a,b,label\n1,2,x\n3,4,y\n', 'target=lable', 'names.csv'), "Error: target 'lable' is not a column. Did you mean 'label'? Columns: a, b, label.");
});

test('a target with one class', async () => {
  assert.equal(
    await loadError('a,y\n1,k\n2,k\n3,k\n', 'target=y', 'one.csv'),
    "Error: target 'y' has one class ('k') in all 3 rows; classification needs at least two. Choose another target=, or task=regression if it is a number.",
  );
});

test('invalid UTF-8 names the line, the byte column and the byte', async () => {
  const bytes = Buffer.concat([Buffer.from('a,b,y\n1,2,x\n3,'), Buffer.from([0xff]), Buffer.from(',z\n')]);
  assert.equal(await loadError(bytes, '', 'latin.csv'), 'Error: latin.csv:3:3: not valid UTF-8 (byte 0xff). Save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.csv > out.csv).');
});

test('invalid UTF-8 past the first chunk is found while streaming', async () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => `${i},${i % 3}`).join('\n');
  const bytes = Buffer.concat([Buffer.from(`a,y\n${rows}\n5,`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
  assert.equal(await loadError(bytes, '', 'late-latin.csv'), 'Error: late-latin.csv:20002:3: not valid UTF-8 (byte 0xc3). Save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.csv > out.csv).');
});

test('a 10 MB single line stops at the row size cap', async () => {
  assert.equal(
    await loadError(`a,b\n${'x'.repeat(10 * 1024 * 1024)},1\n`, '', 'long.csv'),
    'Error: long.csv:2: a row longer than 1 MB; klayers reads rows up to that size. Is this a CSV file with one row per line? An unclosed quote (") also makes one endless row.',
  );
});

test('a binary file (NUL bytes) is refused before parsing', async () => {
  assert.equal(
    await loadError(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]), '', 'archive.csv'),
    'Error: archive.csv:1 holds a NUL byte (byte 5 of the file): it looks like a binary file, not CSV text. Give a UTF-8 text file with one row per line.',
  );
  // Further down, the message names the line the NUL byte is on.
  assert.equal(
    await loadError(Buffer.from('a,b\n1,2\n3,4\n5,\u00006\n'), '', 'late.csv'),
    'Error: late.csv:4 holds a NUL byte (byte 15 of the file): it looks like a binary file, not CSV text. Give a UTF-8 text file with one row per line.',
  );
});

test('an unclosed quote', async () => {
  assert.equal(await loadError('a,y\n1,"k\n2,k\n', '', 'quote.csv'), 'Error: quote.csv:2: a quote (") opened in this row is never closed; the file ends inside the quoted value. Close the quote, or double a quote inside a value ("").');
});

test('after any of these errors the session keeps its previous data', async () => {
  const ctx = freshContext();
  assert.equal((await run(ctx, `load ${tmpFile('good.csv', 'a,y\n1,p\n2,q\n3,p\n4,q\n5,p\n')} target=y`)).ok, true);
  const bad = await run(ctx, `load ${tmpFile('bad2.csv', 'a,y\n1,p\n2,q,3\n')} target=y`);
  assert.equal(bad.ok, false);
  const shown = await run(ctx, 'data');
  assert.match(shown.text, /^Loaded .*good\.csv: 5 rows, 2 columns\./);
});
