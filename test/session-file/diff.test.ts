import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../src/session-file/diff.js';
import { linesMatch } from '../../src/session-file/compare.js';

// Golden text from Python's difflib.unified_diff(a, b, 'x', 'y', lineterm='') (diff -u's format).
test('two separate changes make two hunks with three lines of context, as diff -u', () => {
  const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
  const b = ['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'L', 'm'];
  const expected = ['--- x', '+++ y', '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e', '@@ -9,4 +9,5 @@', ' i', ' j', ' k', '-l', '+L', '+m'].join('\n');
  assert.equal(unifiedDiff(a, b, { from: 'x', to: 'y' }), expected);
});

test('changes closer than twice the context share one hunk; equal lists give no diff', () => {
  const d = unifiedDiff(['1', '2', '3', '4', '5', '6', '7', '8'], ['1', 'two', '3', '4', '5', '6', 'seven', '8'], { from: 'x', to: 'y' });
  assert.deepEqual(d.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,8 +1,8 @@']);
  assert.equal(unifiedDiff(['same'], ['same'], { from: 'x', to: 'y' }), '');
});

test('lines equal under tolerance are context, not changes; line numbers can start where the output sits', () => {
  const d = unifiedDiff(['loss: 1.7702', 'params 40'], ['loss: 1.7703', 'params 41'], { from: 'f', to: 'f' }, (x, y) => linesMatch(x, y), 3, 20);
  assert.equal(d, ['--- f', '+++ f', '@@ -20,2 +20,2 @@', ' loss: 1.7703', '-params 40', '+params 41'].join('\n'));
});

test('an output that disappeared entirely', () => {
  assert.equal(unifiedDiff(['only'], [], { from: 'x', to: 'y' }), ['--- x', '+++ y', '@@ -1,1 +0,0 @@', '-only'].join('\n'));
});
