import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Value } from '../../src/lang/ast.js';
import { decodeValue, encodeValue } from '../../src/export/json-value.js';
import { UserError } from '../../src/core/user-error.js';

/** What a saved model.json holds: strict JSON text, read back with JSON.parse as tfjs reads it. */
const viaFile = (v: Value): Value => decodeValue(JSON.parse(JSON.stringify(encodeValue(v))), 'v');

test('values survive JSON exactly, including inf, nan and -0 (never as null or 0)', () => {
  const values: Value[] = [
    null, true, 3, -2.5, 'relu', Infinity, -Infinity, NaN, -0, 0,
    { kind: 'tuple', items: [null, 28, 1] },
    [1, [2, 3]],
    [NaN, [Infinity, -0]],
    { kind: 'tuple', items: [-Infinity, NaN] },
    { kind: 'ident', name: 'relu' },
    { kind: 'call', name: 'RandomNormal', args: [], kwargs: { mean: 0, stddev: 0.05, seed: null }, column: 0 },
    { kind: 'call', name: 'Constant', args: [NaN], kwargs: { value: Infinity, floor: -0 }, column: 0 },
  ];
  // Strict deep equality compares numbers with Object.is: NaN only equals NaN, -0 is not 0,
  // and null (what JSON.stringify makes of NaN and Infinity) equals neither.
  for (const v of values) assert.deepStrictEqual(viaFile(v), v);
});

test('inf, nan and -0 are written as tagged values, so the file stays JSON that JSON.parse (and tfjs) reads', () => {
  // Python's json.dumps writes the non-standard tokens NaN, Infinity, -Infinity, which JSON.parse
  // rejects; a model.json holding them could not be loaded by tf.loadLayersModel at all.
  const text = JSON.stringify(encodeValue([NaN, Infinity, -Infinity, -0, 1.5]));
  assert.equal(text, '[{"kind":"float","value":"nan"},{"kind":"float","value":"inf"},{"kind":"float","value":"-inf"},{"kind":"float","value":"-0"},1.5]');
  assert.throws(() => JSON.parse('[NaN]'), SyntaxError, 'the Python spelling is not JSON');
});

test('anything that is not a klayers value is refused, naming where', () => {
  assert.throws(() => decodeValue({ kind: 'function', code: 'x' }, 'layer.args.units'), (e: unknown) => e instanceof UserError && /model\.json: layer\.args\.units is not a klayers value/.test(e.message));
  assert.throws(() => decodeValue([1, { kind: 'call', name: 3 }], 'a'), /a\[1\] is not a klayers value/);
  assert.throws(() => decodeValue({ kind: 'float', value: 'NaN' }, 'b'), /b is not a klayers value/, 'only the tags klayers writes');
});
