import { test } from 'node:test';
import assert from 'node:assert/strict';
import { texts, replaced } from './helpers.js';
import { splitWords } from '../../src/complete/words.js';

// 400,000 blanks: the old word splitter rescanned the whole run of spaces at every space
// (40,000 froze Tab for seconds; this many would take half an hour). Now each run is read once.
const BLANKS = ' '.repeat(400_000);

test('Tab on a line of hundreds of thousands of spaces answers, and still completes what follows them', () => {
  assert.deepEqual(texts(BLANKS), texts(''));
  assert.ok(texts(`add${BLANKS}Den`).includes('Dense'));
  assert.equal(replaced(`add${BLANKS}Den`), 'Den');
  assert.ok(texts(`set 1${BLANKS}act`, { layerNames: ['dense'], layerCount: 1, cwd: process.cwd(), layerClasses: ['Dense'] }).includes('activation='));
  assert.deepEqual(texts(`${'\t'.repeat(400_000)}summ`), ['summary']);
});

test('long runs of blanks around = still join a key and its value into one word', () => {
  const words = splitWords(`set 1 units${BLANKS}=${BLANKS}3${BLANKS}use_bias=False`);
  assert.deepEqual(words.map((w) => w.text.replace(/ +/g, ' ')), ['set', '1', 'units = 3', 'use_bias=False']);
});
