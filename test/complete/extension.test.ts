import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCandidate, commonExtension } from '../../src/complete/index.js';
import { completeAt } from './helpers.js';

function extension(marked: string): string {
  const { line, result } = completeAt(marked);
  return commonExtension(line, result);
}

test('one Tab inserts what all candidates share beyond what is typed', () => {
  assert.equal(extension('Den'), 'se');
  assert.equal(extension('add Conv'), '');
  assert.equal(extension('add Con'), 'v');
  assert.equal(extension('Dense(64, act'), 'iv');
  assert.equal(extension("Dense(64, activation='re"), 'lu');
  assert.equal(extension("Dense(64, activation='sig"), "moid'");
  assert.equal(extension('Conv2D(32, 3, padding='), "'");
  assert.equal(extension('summary style='), 'keras');
  assert.equal(extension('rm dense_'), '1');
});

test('nothing is inserted when candidates disagree or were matched without case', () => {
  assert.equal(extension('remove '), '');
  assert.equal(extension('dense'), '', 'Dense replaces dense as a whole');
  assert.equal(extension('Dense(64, activation=re'), '', "'relu' replaces the bare re");
  assert.equal(extension('undo '), '');
});

test('applying a candidate replaces from..to and puts the cursor after it', () => {
  const { line, result } = completeAt("Dense(64, activation='re");
  assert.deepEqual(applyCandidate(line, result, result.candidates[0]!), { line: "Dense(64, activation='relu'", cursor: 27 });
  const mid = completeAt("Dense(64, activation='re|')");
  assert.deepEqual(applyCandidate(mid.line, mid.result, mid.result.candidates[0]!), { line: "Dense(64, activation='relu')", cursor: 26 });
});
