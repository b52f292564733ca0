import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lambdaOutputShape, parseLambda } from '../../src/lambda/index.js';
import { UserError } from '../../src/core/user-error.js';
import { type Shape } from '../../src/core/shape.js';

const shapeOf = (source: string, input: Shape) => lambdaOutputShape(parseLambda(source), input);

function shapeError(source: string, input: Shape): string {
  try {
    shapeOf(source, input);
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    return error.message;
  }
  assert.fail(`${source} on ${JSON.stringify(input)} did not fail`);
}

// Expected shapes read from Keras 3: keras.KerasTensor((None, None, 4)) through the same ops.
test('unknown lengths stay unknown, as Keras infers them', () => {
  const input = [null, null, 4];
  assert.deepEqual(shapeOf('x[:, 1:3]', input), [null, null, 4]);
  assert.deepEqual(shapeOf('x[:, -1]', input), [null, 4]);
  assert.deepEqual(shapeOf('mean(x, axis=1)', input), [null, 4]);
  assert.deepEqual(shapeOf('reshape(x, (-1, 2))', input), [null, null, 2]);
  assert.deepEqual(shapeOf('flatten(x)', input), [null, null]);
  assert.deepEqual(shapeOf('concatenate([x, x], axis=1)', input), [null, null, 4]);
  assert.deepEqual(shapeOf('x + mean(x, axis=1, keepdims=True)', input), [null, null, 4]);
  assert.deepEqual(shapeOf('squeeze(x)', input), [null, null, 4]);
});

test('broadcasting follows numpy: trailing axes align, 1 stretches, None takes a known length', () => {
  assert.deepEqual(shapeOf('x + x[0]', [null, 3, 4]), [null, 3, 4]);
  assert.deepEqual(shapeOf('x[:, :, None] * x[:, None, :]', [null, 3]), [null, 3, 3]);
  assert.deepEqual(shapeOf('x + 1', []), []);
  assert.deepEqual(shapeOf('maximum(x[:, :1], x)', [null, 5]), [null, 5]);
  assert.deepEqual(shapeOf('where(x[:, :, :1] > 0, x, 0)', [null, 2, 3]), [null, 2, 3]);
  assert.deepEqual(shapeOf('x + x[:, :1]', [null, null]), [null, null]);
});

test('slices have exact lengths for known axes (Python slice semantics)', () => {
  const input = [null, 10];
  assert.deepEqual(shapeOf('x[:, 2:7]', input), [null, 5]);
  assert.deepEqual(shapeOf('x[:, ::3]', input), [null, 4]); // 0 3 6 9
  assert.deepEqual(shapeOf('x[:, ::-3]', input), [null, 4]); // 9 6 3 0
  assert.deepEqual(shapeOf('x[:, -3:]', input), [null, 3]);
  assert.deepEqual(shapeOf('x[:, 8:2]', input), [null, 0]);
  assert.deepEqual(shapeOf('x[:, 8:2:-2]', input), [null, 3]); // 8 6 4
  assert.deepEqual(shapeOf('x[:, -100:100]', input), [null, 10]);
  assert.deepEqual(shapeOf('x[0]', input), [10]);
  assert.deepEqual(shapeOf('x[None, ..., None]', input), [1, null, 10, 1]);
});

test('reductions, shape ops and new axes', () => {
  assert.deepEqual(shapeOf('sum(x, axis=(-1, 1), keepdims=True)', [null, 2, 3]), [null, 1, 1]);
  assert.deepEqual(shapeOf('max(x)', [null, 2]), []);
  assert.deepEqual(shapeOf('cumsum(x)', [null, 2]), [null]);
  assert.deepEqual(shapeOf('reshape(x, (8, 8))', [null, 64]), [null, 8, 8]);
  assert.deepEqual(shapeOf('permute(x, (3, 1, 2))', [null, 2, 3, 4]), [null, 4, 2, 3]);
  assert.deepEqual(shapeOf('transpose(x, (1, 0))', [null, 5]), [5, null]);
  assert.deepEqual(shapeOf('expand_dims(x, 0)', [null, 5]), [1, null, 5]);
  assert.deepEqual(shapeOf('stack([x, x, x], axis=0)', [null, 5]), [3, null, 5]);
  assert.deepEqual(shapeOf('concatenate([x, x[:, :2]])', [null, 5]), [null, 7]);
  assert.deepEqual(shapeOf('softmax(x, axis=1)', [null, 2, 3]), [null, 2, 3]);
});

test('errors name the call, the axis or the shapes', () => {
  assert.equal(shapeError('mean(x, axis=3)', [null, 4, 2]), 'Lambda mean(x, axis=3): axis 3 is out of range for input of rank 3 (None, 4, 2)');
  assert.equal(shapeError('x + x[:, :3]', [null, 4, 2]), "Lambda 'x + x[:, :3]': cannot broadcast shapes (None, 4, 2) and (None, 3, 2) (4 vs 3 at axis 1)");
  assert.equal(shapeError('reshape(x, (3, 3))', [null, 4, 2]), 'Lambda reshape(x, (3, 3)): cannot reshape (None, 4, 2) (8 values per sample) to (3, 3)');
  assert.match(shapeError('reshape(x, (-1, 3))', [null, 4, 2]), /cannot reshape/);
  assert.match(shapeError('reshape(x, (-1, -1))', [null, 4, 2]), /at most one -1/);
  assert.match(shapeError('expand_dims(x, 4)', [null, 4, 2]), /axis 4 is out of range for a new axis in input of rank 3 \(None, 4, 2\) \(allowed -4\.\.3\)/);
  assert.equal(shapeError('squeeze(x, axis=1)', [null, 4, 2]), 'Lambda squeeze(x, axis=1): cannot squeeze axis 1 of size 4 in (None, 4, 2)');
  assert.match(shapeError('concatenate([x, x[:, :, 0]], axis=1)', [null, 4, 2]), /same nonzero rank, got \(None, 4, 2\) and \(None, 4\)/);
  assert.match(shapeError('concatenate([x, x[:, :1]], axis=-1)', [null, 4, 2]), /differ off the join axis/);
  assert.match(shapeError('permute(x, (1, 1))', [null, 4, 2]), /dims \(1, 1\) must order 1\.\.2 for input \(None, 4, 2\)/);
  assert.match(shapeError('x[:, 5]', [null, 4]), /index 5 is out of range for axis 1 with size 4/);
  assert.match(shapeError('x[:, 0, 0]', [null, 4]), /too many indices: 3 for input of rank 2/);
  assert.match(shapeError('sum(x, axis=(1, -1))', [null, 4]), /repeats an axis/);
  assert.match(shapeError('softmax(x, axis=2)', [null, 4]), /axis 2 is out of range for input of rank 2/);
  assert.match(shapeError('mean(3, axis=0)', [null, 4]), /rank 0/);
});
