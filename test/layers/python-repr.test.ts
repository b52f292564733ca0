import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPythonFloat, formatPythonString } from '../../src/core/python.js';
import { formatValue } from '../../src/lang/format-value.js';
import { call, tup } from './helpers.js';

test('formatPythonFloat prints what Python repr(float) prints', () => {
  // Right-hand sides are Python 3.11's repr() of the same floats.
  const cases: [number, string][] = [
    [0, '0.0'], [0.5, '0.5'], [1e-5, '1e-05'], [1e-4, '0.0001'], [0.0001234, '0.0001234'],
    [1e16, '1e+16'], [1e15, '1000000000000000.0'], [123456789.125, '123456789.125'],
    [1.5e-7, '1.5e-07'], [-2.5, '-2.5'], [3, '3.0'], [1e22, '1e+22'],
    [0.1 + 0.2, '0.30000000000000004'], [2 ** 53, '9007199254740992.0'], [1 / 3, '0.3333333333333333'],
    [-1e-10, '-1e-10'],
  ];
  for (const [n, text] of cases) assert.equal(formatPythonFloat(n), text, String(n));
});

test('formatPythonString quotes like Python', () => {
  assert.equal(formatPythonString('relu'), "'relu'");
  assert.equal(formatPythonString("it's"), '"it\'s"');
  assert.equal(formatPythonString('a\nb'), "'a\\nb'");
});

test('formatValue covers tuples, lists, None, bools and calls', () => {
  assert.equal(formatValue(tup(3)), '(3,)');
  assert.equal(formatValue(tup(null, 28, 1)), '(None, 28, 1)');
  assert.equal(formatValue(tup()), '()');
  assert.equal(formatValue([1, 2]), '[1, 2]');
  assert.equal(formatValue(true), 'True');
  assert.equal(formatValue(call('l2', [0.01], { x: null })), 'l2(0.01, x=None)');
});
