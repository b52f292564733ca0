import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectivePoolStrides } from '../../src/layers/pooling-shapes.js';
import { UserError } from '../../src/core/user-error.js';
import { type Shape } from '../../src/core/shape.js';
import { argsFor, specs } from './conv-rnn-golden.js';

/** Pooling: strides=None, rank errors, empty outputs, and no weights or multiply-adds. */

function pool(layer: string, kwargs: Record<string, unknown>) {
  const spec = specs[layer]!;
  const args = argsFor({ layer, kwargs, input_shape: [] });
  spec.validate?.(args);
  return { spec, args, shape: (input: Shape) => spec.outputShape(input, args) };
}

test('strides=None means pool_size, and validate fills it in as Keras get_config() shows', () => {
  const { args, shape } = pool('MaxPooling2D', { pool_size: 3 });
  assert.deepEqual(effectivePoolStrides(args, 2), [3, 3]);
  assert.deepEqual(args.strides, { kind: 'tuple', items: [3, 3] });
  assert.deepEqual(shape([null, 9, 7, 2]), [null, 3, 2, 2]);
  // Frozen args (no resolve) are left as they are and still mean pool_size.
  const frozen = Object.freeze(argsFor({ layer: 'AveragePooling1D', kwargs: { pool_size: 4 }, input_shape: [] }));
  specs.AveragePooling1D!.validate!(frozen);
  assert.equal(frozen.strides, null);
  assert.deepEqual(specs.AveragePooling1D!.outputShape([null, 10, 3], frozen), [null, 2, 3]);
});

test('a pool window larger than the input is refused, as Keras does', () => {
  try {
    pool('MaxPooling2D', { pool_size: 3 }).shape([null, 2, 2, 1]);
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, "MaxPooling2D output would have zero or negative size: input (None, 2, 2, 1) with pool_size=(3, 3), strides=(3, 3) and padding='valid'.");
    assert.equal(e.hint, "Use padding='same' or a smaller pool_size.");
  }
  assert.deepEqual(pool('MaxPooling2D', { pool_size: 3, padding: 'same' }).shape([null, 2, 2, 1]), [null, 1, 1, 1]);
});

test('pooling rank errors name the layer and suggest its other-rank sibling', () => {
  assert.throws(() => pool('MaxPooling2D', {}).shape([null, 64]), {
    message: 'MaxPooling2D expects a 4-D input (batch, rows, cols, channels); got (None, 64).',
    hint: 'Add Reshape((8, 8, 1)) before it, or Reshape((64, 1)) and use MaxPooling1D.',
  });
  assert.throws(() => pool('AveragePooling1D', { pool_size: 2 }).shape([null, 4, 4, 1]), {
    message: 'AveragePooling1D expects a 3-D input (batch, steps, channels); got (None, 4, 4, 1).',
    hint: 'Add Reshape((16, 1)) before it or use AveragePooling2D.',
  });
});

test('non-positive pool_size or strides are refused', () => {
  assert.throws(() => pool('MaxPooling2D', { pool_size: 0 }), /`pool_size` argument must be a tuple of 2 integers/);
  assert.throws(() => pool('MaxPooling1D', { strides: 0 }), /`strides` argument must be a tuple of 1 integers/);
});

test('pooling has no weights and reports 0 multiply-adds', () => {
  const { spec, args, shape } = pool('AveragePooling2D', { pool_size: 2 });
  const input: Shape = [null, 8, 8, 3];
  assert.deepEqual(spec.weights(input, args), []);
  assert.equal(spec.flops!(input, shape(input), args), 0);
});

test('data_format=None reads as channels_last and is shown resolved, as Keras does', () => {
  const { args, shape } = pool('MaxPooling1D', { data_format: null });
  assert.equal(args.data_format, 'channels_last');
  assert.deepEqual(shape([null, 10, 3]), [null, 5, 3]);
});
