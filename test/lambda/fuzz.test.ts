import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { formatLambda, lambdaOutputShape, parseLambda } from '../../src/lambda/index.js';
import { UserError } from '../../src/core/user-error.js';

// Fragments a user might type, so random strings often get deep into the parser.
const FRAGMENTS = [
  'x', '1', '0.5', '1e-3', '-', '+', '*', '/', '**', '(', ')', '[', ']', ',', ':', '...', '=', '<', '>=', '==',
  'None', 'True', 'mean', 'clip', 'concatenate', 'reshape', 'axis', 'keepdims', ' ', '.', 'shape', 'lambda', 'ops.',
  '%', '@', "'", 'ä', '\n',
];
const typedSource = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

/** Parses, and for whatever parses infers a shape and re-parses its canonical text. */
function exercise(source: string): void {
  let expr;
  try {
    expr = parseLambda(source);
  } catch (error) {
    assert.ok(error instanceof UserError, `${JSON.stringify(source)} threw ${String(error)}`);
    assert.ok(!error.message.includes('\n'), 'messages are one line');
    return;
  }
  assert.deepEqual(parseLambda(formatLambda(expr)), expr, `canonical text of ${JSON.stringify(source)}`);
  try {
    lambdaOutputShape(expr, [null, 3, 4]);
  } catch (error) {
    assert.ok(error instanceof UserError, `${JSON.stringify(source)} shape threw ${String(error)}`);
  }
}

test('random strings never make the parser throw anything but UserError', () => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), exercise), { seed: FUZZ_SEED, numRuns: 2000 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), exercise), { seed: FUZZ_SEED, numRuns: 500 });
});

test('random token soup never escapes as anything but UserError', () => {
  fc.assert(fc.property(typedSource, exercise), { seed: FUZZ_SEED, numRuns: 5000 });
});

test('pathological input (deep nesting, long chains) is refused with a UserError, not a stack overflow', () => {
  for (const source of ['('.repeat(999), '-'.repeat(999), '['.repeat(999), 'x' + '**x'.repeat(249), 'abs('.repeat(250), 'x[' + ':,'.repeat(499)]) {
    try {
      const expr = parseLambda(source);
      lambdaOutputShape(expr, [null, 3]);
    } catch (error) {
      assert.ok(error instanceof UserError, String(error));
    }
  }
});
