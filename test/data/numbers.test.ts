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

test('missing markers, as pandas reads them', () => {
  for (const s of ['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '-', ' NA ', '\tnull']) assert.equal(isMissing(s), true, JSON.stringify(s));
  for (const s of ['0', 'Nancy', 'none', 'x', '-1', 'n']) assert.equal(isMissing(s), false, s);
});
