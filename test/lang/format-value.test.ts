import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue } from '../../src/lang/index.js';
import { formatPythonFloat } from '../../src/core/python.js';
import { call, ident, tuple } from './helpers.js';

import goldenJson from './golden-repr.json' with { type: 'json' };

/** Python's own repr output, produced by make-golden-repr.py. */
const golden = goldenJson as unknown as { floats: Array<[string, string]>; strings: Array<[number[], string]> };

/** Reads Python's float.hex() text, e.g. `-0x1.999999999999ap-4`, exactly. */
function fromPythonHex(text: string): number {
  const match = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(text);
  if (!match) throw new Error(`bad hex float ${text}`);
  const [, sign, lead, fraction, exponent] = match;
  const mantissa = parseInt(lead! + fraction!, 16) / 16 ** fraction!.length;
  const magnitude = mantissa * 2 ** Number(exponent);
  return sign ? -magnitude : magnitude;
}

test('floats print exactly as Python repr prints them', () => {
  for (const [hex, repr] of golden.floats) {
    const value = fromPythonHex(hex);
    assert.equal(formatPythonFloat(value), repr, hex);
    const integral = Number.isInteger(value) && Math.abs(value) < 1e16 && !Object.is(value, -0);
    assert.equal(formatValue(value), integral ? repr.replace(/\.0$/, '') : repr, hex);
  }
});

test('numbers a Keras user reads every day', () => {
  const cases: Array<[number, string]> = [
    [0.5, '0.5'], [1e-5, '1e-05'], [0.001, '0.001'], [0.0001, '0.0001'], [0.05, '0.05'], [64, '64'],
    [0, '0'], [-3, '-3'], [2.0, '2'], [-0, '-0.0'], [1e16, '1e+16'], [NaN, 'nan'], [-Infinity, '-inf'],
  ];
  for (const [value, text] of cases) assert.equal(formatValue(value), text, String(value));
});

test('strings print exactly as Python repr prints them', () => {
  for (const [codes, repr] of golden.strings) {
    const text = codes.map((code) => String.fromCodePoint(code)).join('');
    assert.equal(formatValue(text), repr, repr);
  }
});

test('constants, tuples, lists, calls and idents print as Python source', () => {
  assert.equal(formatValue(null), 'None');
  assert.equal(formatValue(true), 'True');
  assert.equal(formatValue(false), 'False');
  assert.equal(formatValue(tuple(3, 3)), '(3, 3)');
  assert.equal(formatValue(tuple(4)), '(4,)');
  assert.equal(formatValue(tuple()), '()');
  assert.equal(formatValue([1, 2]), '[1, 2]');
  assert.equal(formatValue([]), '[]');
  assert.equal(formatValue(ident('relu')), 'relu');
  assert.equal(
    formatValue(call('RandomNormal', 0, [], { mean: 0.5, stddev: 0.05, seed: null })),
    'RandomNormal(mean=0.5, stddev=0.05, seed=None)',
  );
  assert.equal(
    formatValue(call('layers.Dense', 0, [64], { activation: 'relu', kernel_regularizer: call('l2', 0, [0.01]) })),
    "layers.Dense(64, activation='relu', kernel_regularizer=l2(0.01))",
  );
  assert.equal(formatValue(call('f', 0, [[tuple(1, 'a')], ident('x')])), "f([(1, 'a')], x)");
});
