import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LayerSpec } from '../../src/layers/types.js';
import { UserError } from '../../src/core/user-error.js';
import { type Shape } from '../../src/core/shape.js';
import { argsFor, specs } from './conv-rnn-golden.js';

/** The messages a user sees when a convolution does not fit its input or its arguments clash. */

function conv(layer: string, kwargs: Record<string, unknown>) {
  const spec: LayerSpec = specs[layer]!;
  const args = argsFor({ layer, kwargs, input_shape: [] });
  return { spec, args, shape: (input: Shape) => spec.outputShape(input, args) };
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof UserError, `expected a UserError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an error');
}

test('Conv2D on a flat input suggests a square Reshape or Conv1D', () => {
  const e = errorOf(() => conv('Conv2D', { filters: 2, kernel_size: 3 }).shape([null, 64]));
  assert.equal(e.message, 'Conv2D expects a 4-D input (batch, rows, cols, channels); got (None, 64).');
  assert.equal(e.hint, 'Add Reshape((8, 8, 1)) before it, or Reshape((64, 1)) and use Conv1D.');
});

test('Conv2D on a flat non-square input gives the generic Reshape advice', () => {
  const e = errorOf(() => conv('Conv2D', { filters: 2, kernel_size: 3 }).shape([null, 60]));
  assert.equal(e.hint, 'Add a Reshape to (rows, cols, channels) before it, or Reshape((60, 1)) and use Conv1D.');
});

test('Conv2D on a sequence suggests adding a channel axis, channels_first aware', () => {
  const last = errorOf(() => conv('Conv2D', { filters: 2, kernel_size: 3 }).shape([null, 28, 28]));
  assert.equal(last.hint, 'Add Reshape((28, 28, 1)) before it or use Conv1D.');
  const first = errorOf(() => conv('Conv2D', { filters: 2, kernel_size: 3, data_format: 'channels_first' }).shape([null, 28, 28]));
  assert.equal(first.message, 'Conv2D expects a 4-D input (batch, channels, rows, cols); got (None, 28, 28).');
  assert.equal(first.hint, 'Add Reshape((1, 28, 28)) before it or use Conv1D.');
});

test('Conv1D rank errors: flat input and image input', () => {
  const flat = errorOf(() => conv('Conv1D', { filters: 2, kernel_size: 3 }).shape([null, 64]));
  assert.equal(flat.message, 'Conv1D expects a 3-D input (batch, steps, channels); got (None, 64).');
  assert.equal(flat.hint, 'Add Reshape((64, 1)) before it.');
  const image = errorOf(() => conv('Conv1D', { filters: 2, kernel_size: 3 }).shape([null, 4, 5, 3]));
  assert.equal(image.hint, 'Add Reshape((20, 3)) before it or use Conv2D.');
  const unknown = errorOf(() => conv('Conv1D', { filters: 2, kernel_size: 3 }).shape([null, null]));
  assert.equal(unknown.hint, 'Add a Reshape to (steps, channels) before it.');
});

test('an output that would be empty names the input, window and padding (Keras errors too)', () => {
  const e = errorOf(() => conv('Conv2D', { filters: 2, kernel_size: 3 }).shape([null, 2, 2, 1]));
  assert.equal(
    e.message,
    "Conv2D output would have zero or negative size: input (None, 2, 2, 1) with kernel_size=(3, 3), strides=(1, 1), dilation_rate=(1, 1) and padding='valid'.",
  );
  assert.equal(e.hint, "Use padding='same' or a smaller kernel_size.");
  // Dilation widens the window: 3 taps at rate 2 span 5 steps, more than 4.
  assert.throws(() => conv('Conv1D', { filters: 2, kernel_size: 3, dilation_rate: 2 }).shape([null, 4, 1]), /zero or negative size/);
  assert.deepEqual(conv('Conv2D', { filters: 2, kernel_size: 3, padding: 'same' }).shape([null, 2, 2, 1]), [null, 2, 2, 2]);
});

test('strides > 1 with dilation_rate > 1 is refused with Keras words', () => {
  const { spec, args } = conv('Conv2D', { filters: 2, kernel_size: 3, strides: [2, 1], dilation_rate: 2 });
  const e = errorOf(() => spec.validate!(args));
  assert.equal(e.message, '`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2, 1) and dilation_rate=(2, 2)');
});

test('filters and input channels must both divide by groups', () => {
  const bad = conv('Conv2D', { filters: 3, kernel_size: 3, groups: 2 });
  assert.equal(errorOf(() => bad.spec.validate!(bad.args)).message, 'The number of filters must be evenly divisible by the number of groups. Received: groups=2, filters=3.');
  const ok = conv('Conv2D', { filters: 4, kernel_size: 3, groups: 2 });
  ok.spec.validate!(ok.args);
  assert.equal(
    errorOf(() => ok.shape([null, 8, 8, 3])).message,
    'The number of input channels must be evenly divisible by the number of groups. Received groups=2, but the input has 3 channels (full input shape is (None, 8, 8, 3)).',
  );
});

test('non-positive filters, kernel_size, strides and groups are refused', () => {
  for (const kwargs of [{ filters: 0, kernel_size: 3 }, { filters: 2, kernel_size: 0 }, { filters: 2, kernel_size: 3, strides: [1, 0] }, { filters: 2, kernel_size: 3, groups: 0 }]) {
    const { spec, args } = conv('Conv2D', kwargs);
    assert.throws(() => spec.validate!(args), UserError, JSON.stringify(kwargs));
  }
  const { spec, args } = conv('Conv2D', { filters: 2, kernel_size: [3, 0] });
  assert.equal(errorOf(() => spec.validate!(args)).message, 'The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(3, 0), including values {0} that do not satisfy `value > 0`');
});

test('an unknown channel axis cannot size the kernel', () => {
  assert.throws(() => conv('Conv2D', { filters: 2, kernel_size: 3 }).shape([null, 8, 8, null]), /known channel dimension/);
});

test('flops: output elements x kernel elements x input channels per group', () => {
  const { spec, args } = conv('Conv2D', { filters: 32, kernel_size: 3 });
  const input: Shape = [null, 28, 28, 1];
  const out = spec.outputShape(input, args);
  assert.equal(spec.flops!(input, out, args), 26 * 26 * 32 * 9 * 1);
  const grouped = conv('Conv2D', { filters: 8, kernel_size: 3, groups: 4, padding: 'same' });
  const gin: Shape = [null, 5, 5, 4];
  assert.equal(grouped.spec.flops!(gin, grouped.shape(gin), grouped.args), 5 * 5 * 8 * 9 * 1);
  const seq = conv('Conv1D', { filters: 2, kernel_size: 3 });
  assert.equal(seq.spec.flops!([null, null, 4], seq.shape([null, null, 4]), seq.args), 0, 'unknown length: 0');
});

test('data_format=None is resolved to channels_last by validate', () => {
  const { spec, args, shape } = conv('Conv1D', { filters: 2, kernel_size: 3, data_format: null });
  spec.validate!(args);
  assert.equal(args.data_format, 'channels_last');
  assert.deepEqual(shape([null, 10, 3]), [null, 8, 2]);
});
