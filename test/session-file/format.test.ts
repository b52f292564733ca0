import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSessionText } from '../../src/session-file/format.js';
import { parseSessionFile, recordedColumns } from '../../src/session-file/read.js';
import { formatSessionFile } from '../../src/session-file/write.js';

const FILE = [
  '# An example session.',
  '# columns: 72',
  '',
  'klayers> Input(shape=(4,))',
  'Input (None, 4)',
  '',
  '# Two layers; the second spans two lines.',
  'klayers> Dense(8,',
  "   ...>       activation='relu')",
  'Added 1 dense (Dense) -> (None, 8), 40 params',
  '',
  'line two of the output, after a blank line',
  '',
  'klayers> data',
  '#...#',
  '.###.',
  '#...#',
  '',
  'klayers> layers',
  '',
].join('\n');

test('a session file reads as header, commands, comments and outputs', () => {
  const file = parseSessionFile(FILE);
  assert.deepEqual(file.preamble, ['# An example session.', '# columns: 72']);
  assert.equal(recordedColumns(file), 72);
  assert.deepEqual(
    file.cells.map((c) => [c.lineNo, c.command, c.comments, c.output]),
    [
      [4, 'Input(shape=(4,))', [], ['Input (None, 4)']],
      [8, "Dense(8,\n      activation='relu')", ['# Two layers; the second spans two lines.'], ['Added 1 dense (Dense) -> (None, 8), 40 params', '', 'line two of the output, after a blank line']],
      // Output lines starting with '#' stay output: a comment sits right above a prompt.
      [14, 'data', [], ['#...#', '.###.', '#...#']],
      [19, 'layers', [], []],
    ],
  );
});

test('writing a read file gives the same text back', () => {
  assert.equal(formatSessionFile(parseSessionFile(FILE)), FILE);
});

test('a file with no prompt is a plain script; one prompt makes a session file', () => {
  assert.equal(isSessionText('Dense(8)\n# klayers> in a comment\nsummary\n'), false);
  assert.equal(isSessionText('# notes\nklayers> Dense(8)\n'), true);
  assert.equal(isSessionText('klayers>\n'), true);
});

test('CRLF line ends and a BOM read like LF', () => {
  const file = parseSessionFile('\uFEFFklayers> layers\r\nno layers\r\n\r\nklayers> summary\r\n');
  assert.deepEqual(file.cells.map((c) => [c.command, c.output]), [['layers', ['no layers']], ['summary', []]]);
});
