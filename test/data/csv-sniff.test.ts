import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffDelimiter } from '../../src/data/csv/sniff.js';
import { looksLikeHeader } from '../../src/data/csv/header.js';

test('sniffDelimiter finds , ; tab and | from the first lines', () => {
  assert.equal(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n'), ',');
  assert.equal(sniffDelimiter('a;b;c\n1,5;2,5;3\n4;5;6\n'), ';'); // decimal commas do not fool it
  assert.equal(sniffDelimiter('a\tb\n1\t2\n3\t4\n'), '\t');
  assert.equal(sniffDelimiter('a|b\n1|2\n3|4\n'), '|');
});

test('sniffDelimiter ignores delimiters inside quotes', () => {
  assert.equal(sniffDelimiter('name;note\n"Smith, J";"a, b, c"\n"Doe, A";"x, y"\n'), ';');
});

test('a one-column file reads as comma-separated', () => {
  assert.equal(sniffDelimiter('value\n1\n2\n'), ',');
});

test('looksLikeHeader: text over numbers is a header; numbers over numbers are not', () => {
  assert.equal(looksLikeHeader([['x', 'y'], ['1', '2'], ['3', '4']]), true);
  assert.equal(looksLikeHeader([['5', '2'], ['1', '2'], ['3', '4']]), false);
  assert.equal(looksLikeHeader([['setosa', '1.5'], ['virginica', '2.5']]), false);
});

test('looksLikeHeader: all-text columns have a header when its cells never recur below', () => {
  assert.equal(looksLikeHeader([['color', 'size'], ['red', 'S'], ['blue', 'M'], ['red', 'M']]), true);
  assert.equal(looksLikeHeader([['red', 'S'], ['blue', 'M'], ['red', 'M']]), false);
});
