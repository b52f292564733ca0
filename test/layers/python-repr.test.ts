import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyFloat, pyRepr, pyStr } from '../../src/layers/kinds/python-repr.js';
import { call, tup } from './helpers.js';

test('pyFloat prints what Python repr(float) prints', () => {
  // Right-hand sides are Python 3.11's repr() of the same floats.
  const cases: [number, string][] = [
    [0, '0.0'], [0.5, '0.5'], [1e-5, '1e-05'], [1e-4, '0.0001'], [0.0001234, '0.0001234'],
    [1e16, '1e+16'], [1e15, '1000000000000000.0'], [123456789.125, '123456789.125'],
    [1.5e-7, '1.5e-07'], [-2.5, '-2.5'], [3, '3.0'], [1e22, '1e+22'],
    [0.1 + 0.2, '0.30000000000000004'], [2 ** 53, '9007199254740992.0'], [1 / 3, '0.3333333333333333'],
    [-1e-10, '-1e-10'],
  ];
  for (const [n, text] of cases) assert.equal(pyFloat(n), text, String(n));
});

test('pyStr quotes like Python', () => {
  assert.equal(pyStr('relu'), "'relu'");
  assert.equal(pyStr("it's"), '"it\'s"');
  assert.equal(pyStr('a\nb'), "'a\\nb'");
});

test('pyRepr covers tuples, lists, None, bools and calls', () => {
  assert.equal(pyRepr(tup(3)), '(3,)');
  assert.equal(pyRepr(tup(null, 28, 1)), '(None, 28, 1)');
  assert.equal(pyRepr(tup()), '()');
  assert.equal(pyRepr([1, 2]), '[1, 2]');
  assert.equal(pyRepr(true), 'True');
  assert.equal(pyRepr(call('l2', [0.01], { x: null })), 'l2(0.01, x=None)');
});
