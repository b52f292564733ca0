import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestName } from '../../src/core/suggest.js';

test('one did-you-mean threshold: near misses match, short words far from every name do not', () => {
  const commands = ['fit', 'add', 'load', 'summary', 'help'];
  assert.equal(suggestName('fitt', commands), 'fit');
  assert.equal(suggestName('summry', commands), 'summary');
  assert.equal(suggestName('FIT', commands), 'fit');
  assert.equal(suggestName('foo', commands), undefined, 'two of three letters differ from fit');
  assert.equal(suggestName('irsi', ['iris', 'digits']), 'iris', 'a swap costs two');
});
