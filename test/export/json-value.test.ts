import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Value } from '../../src/lang/ast.js';
import { decodeValue, encodeValue } from '../../src/export/json-value.js';
import { UserError } from '../../src/core/user-error.js';

test('values survive JSON, including inf, nan and -0', () => {
  const values: Value[] = [
    null, true, 3, -2.5, 'relu', Infinity, -Infinity, NaN, -0,
    { kind: 'tuple', items: [null, 28, 1] },
    [1, [2, 3]],
    { kind: 'ident', name: 'relu' },
    { kind: 'call', name: 'RandomNormal', args: [], kwargs: { mean: 0, stddev: 0.05, seed: null }, column: 0 },
  ];
  for (const v of values) {
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(v))), 'v');
    assert.ok(Object.is(back, v) || JSON.stringify(back) === JSON.stringify(v), `${String(v)} came back as ${String(back)}`);
  }
  assert.ok(Object.is(decodeValue(JSON.parse(JSON.stringify(encodeValue(-0))), 'v'), -0));
});

test('anything that is not a klayers value is refused, naming where', () => {
  assert.throws(() => decodeValue({ kind: 'function', code: 'x' }, 'layer.args.units'), (e: unknown) => e instanceof UserError && /model\.json: layer\.args\.units is not a klayers value/.test(e.message));
  assert.throws(() => decodeValue([1, { kind: 'call', name: 3 }], 'a'), /a\[1\] is not a klayers value/);
});
