import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKeys } from '../../src/ui/editor/keys.js';

const names = (chunk: string) => decodeKeys(chunk).map((k) => (k.name === 'insert' ? `"${k.text}"` : k.name));

test('a burst of typing with control characters splits into keys', () => {
  assert.deepEqual(names('Dense(4)\r'), ['"Dense(4)"', 'enter']);
  assert.deepEqual(names('ab\x7fc'), ['"ab"', 'backspace', '"c"']);
  assert.deepEqual(names('x\r\ny\r'), ['"x"', 'enter', '"y"', 'enter']);
});

test('terminal Backspace (DEL) and the Delete key are different keys', () => {
  assert.deepEqual(names('\x7f'), ['backspace']);
  assert.deepEqual(names('\x1b[3~'), ['delete']);
});

test('control keys map to their readline meaning', () => {
  assert.deepEqual(names('\x01\x05\x15\x0b\x17\x12\x03\x04\t'), ['home', 'end', 'killStart', 'killEnd', 'killWordBack', 'search', 'interrupt', 'eof', 'tab']);
});

test('arrows, Home/End and Alt-arrows in their common encodings', () => {
  assert.deepEqual(names('\x1b[A'), ['up']);
  assert.deepEqual(names('\x1bOB'), ['down']);
  assert.deepEqual(names('\x1b[H'), ['home']);
  assert.deepEqual(names('\x1b[4~'), ['end']);
  assert.deepEqual(names('\x1b[1;3D'), ['wordLeft']);
  assert.deepEqual(names('\x1bb'), ['wordLeft']);
  assert.deepEqual(names('\x1b[1;5C'), ['wordRight']);
  assert.deepEqual(names('\x1bf'), ['wordRight']);
  assert.deepEqual(names('\x1b[99~'), [], 'unknown sequences are dropped');
});
