import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMissing, parseNumber } from '../../src/data/table/missing.js';

test('decimal cells read as exactly the double Number() gives', () => {
  const decimal = fc
    .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,12}$/), fc.boolean(), fc.stringMatching(/^\d{0,12}$/))
    .map(([sign, whole, dot, frac]) => `${sign}${whole}${dot ? '.' : ''}${dot ? frac : ''}`)
    .filter((s) => /\d/.test(s));
  fc.assert(fc.property(decimal, (s) => Object.is(parseNumber(s), Number(s))), { numRuns: 20_000 });
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => Object.is(parseNumber(String(v)), Number(String(v)))));
  for (const s of ['0.1', '-0', '5.', '.5', '123456789012345', '1234567890123456789', '0.000000000000001', '1e5', '-2.5E-3', ' 7 ']) {
    assert.ok(Object.is(parseNumber(s), Number(s)), s);
  }
});

test('what JavaScript would read but a CSV does not hold as a number is NaN', () => {
  for (const s of ['', ' ', '0x1F', 'Infinity', '-Infinity', '1,5', '1.2.3', '.', '-', 'abc', '12abc']) assert.ok(Number.isNaN(parseNumber(s)), s);
});

test('0b, 0o and 0x cells are text, with or without blanks around them, whatever their case or sign', () => {
  // JavaScript's Number() reads every one of these as a number; Python's float() refuses them all.
  const prefixed = ['0b101', '0B101', '0o17', '0O17', '0x1F', '0X1f', '0x0', '0b0', '0o0', '-0x1F', '+0b1', '0x1.8p1', '0x1e5'];
  for (const s of prefixed) {
    for (const cell of [s, ` ${s}`, `${s} `, `\t${s}\t`]) assert.ok(Number.isNaN(parseNumber(cell)), JSON.stringify(cell));
  }
  for (const s of ['1_000', '1__0', '0x', 'Infinity', ' Infinity', '1e400', '-1e400', '1e', '1e+', 'e5', '.e5', '+-1', ' ', '\t \t']) {
    assert.ok(Number.isNaN(parseNumber(s)), JSON.stringify(s));
  }
});

test('decimal cells with blanks around them read as Python float() reads them', () => {
  // Python: float(' 7 ') == 7.0, float('\t-2.5e3 ') == -2500.0, float(' .5') == 0.5, float('007') == 7.0
  const cases: Array<[string, number]> = [
    [' 7 ', 7], ['\t-2.5e3 ', -2500], [' .5', 0.5], ['5. ', 5], ['007', 7], [' 0 ', 0], ['  1E-3', 0.001],
    [' 123456789012345678 ', 123456789012345678],
  ];
  for (const [cell, expected] of cases) assert.equal(parseNumber(cell), expected, JSON.stringify(cell));
  assert.ok(Object.is(parseNumber(' -0 '), -0), 'float(" -0 ") is -0.0');
});

test('missing markers, as pandas reads them', () => {
  for (const s of ['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '-', ' NA ', '\tnull']) assert.equal(isMissing(s), true, JSON.stringify(s));
  for (const s of ['0', 'Nancy', 'none', 'x', '-1', 'n']) assert.equal(isMissing(s), false, s);
});
