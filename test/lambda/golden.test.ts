import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '../../src/engine/backend/tf.js';
import { lambdaOutputShape, parseLambda } from '../../src/lambda/index.js';
import { evaluateLambda } from '../../src/engine/lambda/ops.js';
import { repoRoot } from '../helpers/repo-root.js';

/** Written by test/lambda/golden.py from Keras 3 (JAX backend). */
interface GoldenCase {
  readonly expression: string;
  readonly keras: string;
  readonly shape: (number | null)[];
  readonly value: unknown;
}
const golden = JSON.parse(readFileSync(join(repoRoot(), 'test', 'lambda', 'golden.json'), 'utf8')) as {
  input: number[][][];
  cases: GoldenCase[];
};

function flat(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flat) : [value as number];
}

test('inferred shapes match Keras for every golden expression on (None, 3, 4)', () => {
  for (const c of golden.cases) {
    assert.deepEqual(lambdaOutputShape(parseLambda(c.expression), [null, 3, 4]), c.shape, `${c.expression} vs ${c.keras}`);
  }
});

test('evaluated values match Keras for every golden expression', async () => {
  await tf.setBackend('cpu');
  const x = tf.tensor3d(golden.input);
  for (const c of golden.cases) {
    const y = evaluateLambda(parseLambda(c.expression), x);
    const expected = flat(c.value);
    const actual = Array.from(y.dataSync());
    assert.equal(actual.length, expected.length, `${c.expression}: ${actual.length} values, Keras has ${expected.length}`);
    actual.forEach((v, i) => {
      assert.ok(Math.abs(v - expected[i]!) <= 1e-4 * Math.max(1, Math.abs(expected[i]!)), `${c.expression}[${i}]: ${v} vs Keras ${expected[i]} (${c.keras})`);
    });
    // The concrete shape is the inferred one with the batch filled in.
    const inferred = lambdaOutputShape(parseLambda(c.expression), [2, 3, 4]);
    assert.deepEqual(y.shape, inferred, c.expression);
    y.dispose();
  }
  x.dispose();
});
