import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCsv } from '../../src/data/csv/source.js';
import { tmpFile } from './tmp-files.js';

async function allRows(path: string, batchSize = 2): Promise<{ rows: string[][]; lines: (number | null)[] }> {
  const source = await openCsv(path);
  const rows: string[][] = [];
  const lines: (number | null)[] = [];
  for await (const batch of source.batches(batchSize)) {
    batch.forEach((r, i) => (rows.push([...r]), lines.push(source.lineOf(i))));
  }
  return { rows, lines };
}

test('RFC 4180 quoting: embedded delimiters, doubled quotes and newlines', async () => {
  const path = tmpFile('quotes.csv', 'name,note,y\n"Smith, J","said ""hi""",1\n"Doe","two\nlines",2\n');
  const { rows, lines } = await allRows(path);
  assert.deepEqual(rows, [
    ['Smith, J', 'said "hi"', '1'],
    ['Doe', 'two\nlines', '2'],
  ]);
  assert.deepEqual(lines, [2, 4]); // the second record ends on line 4
});

test('a UTF-8 BOM and CRLF line ends are read like plain LF files', async () => {
  const plain = await allRows(tmpFile('lf.csv', 'a,b\n1,x\n2,y\n'));
  const windows = await allRows(tmpFile('crlf.csv', '\ufeffa,b\r\n1,x\r\n2,y\r\n'));
  assert.deepEqual(windows.rows, plain.rows);
  const source = await openCsv(tmpFile('crlf2.csv', '\ufeffa,b\r\n1,x\r\n2,y\r\n'));
  assert.deepEqual(source.header, ['a', 'b']); // the BOM is not part of the first name
});

test('the header, the delimiter and a file without header', async () => {
  const semi = await openCsv(tmpFile('semi.csv', 'x;y\n1,5;2\n3,5;4\n'));
  assert.equal(semi.head.delimiter, ';');
  assert.deepEqual(semi.header, ['x', 'y']);
  const bare = await openCsv(tmpFile('bare.csv', '1,2,3\n4,5,6\n'));
  assert.equal(bare.head.hasHeader, false);
  assert.deepEqual(bare.header, ['column_1', 'column_2', 'column_3']);
  assert.equal(bare.firstDataLine, 1);
  const { rows } = await allRows(tmpFile('bare2.csv', '1,2,3\n4,5,6\n'));
  assert.deepEqual(rows, [['1', '2', '3'], ['4', '5', '6']]);
});

test('batches keep their size, a second pass reads the file again, blank lines are skipped', async () => {
  const body = Array.from({ length: 10 }, (_, i) => `${i},${i * 2}`).join('\n');
  const source = await openCsv(tmpFile('ten.csv', `a,b\n${body}\n\n`));
  for (let pass = 0; pass < 2; pass++) {
    const sizes: number[] = [];
    for await (const batch of source.batches(4)) sizes.push(batch.length);
    assert.deepEqual(sizes, [4, 4, 2]);
  }
});

test('blank and duplicate header names get usable names', async () => {
  const source = await openCsv(tmpFile('names.csv', 'a,,a\n1,2,3\n'));
  assert.deepEqual(source.header, ['a', 'column_2', 'a_2']);
});

test('quoted values that straddle the 1 MB read chunks arrive whole, with their lines', async () => {
  // ~2.5 MB: every 7th row holds a quoted value with a comma, a doubled quote and a line break.
  const body: string[] = [];
  for (let i = 0; i < 60_000; i++) body.push(i % 7 === 0 ? `${i},"a, ""b""\nc ${i}",k` : `${i},plain ${i},k`);
  const { rows, lines } = await allRows(tmpFile('big-quotes.csv', `n,text,y\n${body.join('\n')}\n`), 4096);
  assert.equal(rows.length, 60_000);
  let line = 1;
  rows.forEach((row, i) => {
    line += i % 7 === 0 ? 2 : 1;
    assert.deepEqual(row, [String(i), i % 7 === 0 ? `a, "b"\nc ${i}` : `plain ${i}`, 'k']);
    assert.equal(lines[i], line, `line of row ${i}`);
  });
});

test('old Mac line ends (CR only) are rows too', async () => {
  const { rows, lines } = await allRows(tmpFile('cr.csv', 'a,b\r1,x\r2,y\r'));
  assert.deepEqual(rows, [
    ['1', 'x'],
    ['2', 'y'],
  ]);
  assert.deepEqual(lines, [2, 3]);
});

test('text after a closing quote names its line', async () => {
  const source = await openCsv(tmpFile('after-quote.csv', 'a,b\n1,x\n2,"y"z\n'));
  await assert.rejects(async () => {
    for await (const _ of source.batches(10));
  }, /after-quote\.csv:3: text after a closing quote \("\)\./);
});

test('blank lines are skipped but still counted for line numbers', async () => {
  const { rows, lines } = await allRows(tmpFile('blank.csv', 'a,b\n\n1,x\n\n\n2,y\n'));
  assert.deepEqual(rows, [
    ['1', 'x'],
    ['2', 'y'],
  ]);
  assert.deepEqual(lines, [3, 6]);
});

test('messages name the file as the user wrote it, not the resolved path', async () => {
  const source = await openCsv(tmpFile('named.csv', 'a,b\n1,x\n2,"y"z\n'), {}, 'data/named.csv');
  assert.equal(source.name, 'data/named.csv');
  await assert.rejects(async () => {
    for await (const _ of source.batches(10));
  }, /^UserError: data\/named\.csv:3: text after a closing quote/);
});

test('text after 64 KB of plain ASCII: a character cut by the chunk end, a U+FEFF inside the file, a bad byte', async () => {
  // Rows of ASCII up to just before byte 65,536, where the next row starts with a 2-byte 'é'
  // whose first byte ends the first 64 KB chunk.
  const head = 'name,v\n';
  const filler: string[] = [];
  let size = head.length;
  for (let i = 0; size < 65_536 - 40; i++) {
    const row = `row${i},${i}\n`;
    filler.push(row);
    size += row.length;
  }
  const pad = 'p'.repeat(65_535 - size - 3);
  const ascii = head + filler.join('') + `${pad},0\n`; // 65,535 bytes
  assert.equal(Buffer.byteLength(ascii), 65_535);
  const cut = await allRows(tmpFile('cut.csv', `${ascii}é,1\n\ufeffbom,2\n`), 1000);
  assert.deepEqual(cut.rows.slice(-2), [['é', '1'], ['\ufeffbom', '2']]);
  // The BOM character right at a chunk start, after ASCII only, is data too (only the file's first bytes are a BOM).
  const atStart = await allRows(tmpFile('bom-mid.csv', `${ascii}\n\ufeffx,3\n`), 1000);
  assert.deepEqual(atStart.rows.at(-1), ['\ufeffx', '3']);
  const bad = Buffer.concat([Buffer.from(`${ascii}\nok,4\nb`), Buffer.from([0xff]), Buffer.from('d,5\n')]);
  await assert.rejects(allRows(tmpFile('bad-late.csv', bad), 1000), (err: Error) => {
    assert.match(err.message, new RegExp(`bad-late\\.csv:${filler.length + 5}:2: `));
    return true;
  });
});
