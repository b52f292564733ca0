import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tuple } from '../../src/layers/arg-builders.js';
import { formatLayerCall, inputBatchShape, resolveLayerCall } from '../../src/layers/index.js';
import type { Shape } from '../../src/core/shape.js';
import { call, parseCall, throwsUserError, tup } from './helpers.js';

/** Shapes in these tests are what Keras 3.15's compute_output_shape returns for the same layer. */
const layer = (text: string) => resolveLayerCall(parseCall(text));
const out = (text: string, input: Shape) => {
  const { spec, args } = layer(text);
  return spec.outputShape(input, args);
};

test('Dense applies to the last axis and creates kernel (in, units) + bias', () => {
  assert.deepEqual(out('Dense(4)', [null, 3]), [null, 4]);
  assert.deepEqual(out('Dense(4)', [null, 5, 3]), [null, 5, 4]);
  const { spec, args } = layer('Dense(4, use_bias=False)');
  assert.deepEqual(spec.weights([null, 5, 3], args), [{ name: 'kernel', shape: [3, 4], trainable: true }]);
  const frozen = layer('Dense(4, trainable=False)');
  assert.ok(frozen.spec.weights([null, 3], frozen.args).every((w) => !w.trainable));
});

test('Dense errors: units must be a positive int; input needs rank 2 and a known last axis', () => {
  throwsUserError(() => layer('Dense(0)'), 'expected a positive integer. Received: units=0');
  throwsUserError(() => layer('Dense(2.5)'), 'Received: units=2.5');
  throwsUserError(() => out('Dense(4)', [null]), 'Dense expects input of rank 2 or more', 'got (None,)');
  throwsUserError(() => out('Dense(4)', [null, null]), 'last axis', '(None, None)');
  throwsUserError(() => layer('Dense(4, lora_rank=2)'), 'lora_rank');
});

test('Reshape: -1 inferred, unknown sizes stay None, sizes must match', () => {
  assert.deepEqual(out('Reshape((-1, 2))', [null, 6]), [null, 3, 2]);
  assert.deepEqual(out('Reshape((2, -1))', [null, 6]), [null, 2, 3]);
  assert.deepEqual(out('Reshape((-1, 2))', [null, null, 6]), [null, null, 2]);
  assert.deepEqual(out('Reshape((3, 2))', [null, null]), [null, 3, 2]);
  assert.deepEqual(out('Reshape([3, 2])', [null, 6]), [null, 3, 2]);
  const e = throwsUserError(
    () => out('Reshape((4, 2))', [null, 6]),
    'The total size of the tensor must be unchanged. Received: input_shape=(6,), target_shape=(4, 2)',
  );
  assert.match(e.hint ?? '', /6 values per sample/);
  throwsUserError(() => out('Reshape((-1, 4))', [null, 6]), 'cannot be divided', 'target_shape=(-1, 4)');
  throwsUserError(() => layer('Reshape((-1, -1))'), 'at most one unknown dimension (-1)');
  throwsUserError(() => layer('Reshape((-2, 3))'), 'non-negative integer');
  throwsUserError(() => layer('Reshape(6)'), '`target_shape` must be a tuple of integers. Received: target_shape=6');
});

test('Permute: 1-based permutation of the non-batch axes', () => {
  assert.deepEqual(out('Permute((2, 1))', [null, 3, 4]), [null, 4, 3]);
  assert.deepEqual(out('Permute((3, 1, 2))', [null, 2, 3, 4]), [null, 4, 2, 3]);
  throwsUserError(() => layer('Permute((1, 3))'), 'must be consecutive and start from 1. Received dims=(1, 3)');
  throwsUserError(() => layer('Permute((0, 1))'), 'Received dims=(0, 1)');
  throwsUserError(() => out('Permute((2, 1, 3))', [null, 3, 4]), 'expects input of rank 4', 'got (None, 3, 4)');
});

test('Flatten multiplies the non-batch axes; unknown gives None; rank 1 gives (batch, 1)', () => {
  assert.deepEqual(out('Flatten()', [null, 3, 4]), [null, 12]);
  assert.deepEqual(out('Flatten()', [null, 3, null]), [null, null]);
  assert.deepEqual(out('Flatten()', [null]), [null, 1]);
  throwsUserError(() => layer("Flatten(data_format='foo')"), "`data_format` must be one of 'channels_last', 'channels_first'");
});

test('Activation, Dropout and Masking keep the shape; Dropout rate in [0, 1)', () => {
  assert.deepEqual(out("Activation('softmax')", [null, 5, 3]), [null, 5, 3]);
  assert.equal(layer('Activation(None)').args.activation, 'linear');
  assert.deepEqual(out('Dropout(0.5)', [null, 7]), [null, 7]);
  assert.deepEqual(out('Masking(mask_value=-1)', [null, 5, 3]), [null, 5, 3]);
  assert.equal(formatLayerCall(layer('Masking(-1)').spec, layer('Masking(-1)').args, null), 'Masking(mask_value=-1.0)');
  throwsUserError(() => layer('Dropout(1.5)'), 'Expected a float value between 0 and 1. Received: rate=1.5');
  throwsUserError(() => layer('Dropout(-0.1)'), 'Received: rate=-0.1');
  throwsUserError(() => layer('Dropout(1)'), 'Received: rate=1');
  throwsUserError(() => layer('Dropout(0.5, noise_shape=(None, 0))'), 'noise_shape');
  assert.deepEqual(layer('Dropout(0.2, noise_shape=[None, 1], seed=3)').args.noise_shape, tuple(null, 1));
});

test('Input: batch shape from shape/batch_size/batch_shape; refusals', () => {
  assert.deepEqual(inputBatchShape(layer('Input(shape=(28, 28, 1))').args), [null, 28, 28, 1]);
  assert.deepEqual(inputBatchShape(layer('keras.Input((3,), 8)').args), [8, 3]);
  assert.deepEqual(inputBatchShape(layer('Input(batch_shape=(None, 5))').args), [null, 5]);
  const { spec, args } = layer("Input(shape=(3,), dtype=None, sparse=None)");
  assert.equal(spec.className, 'InputLayer');
  assert.equal(args.dtype, 'float32');
  assert.equal(args.sparse, false);
  throwsUserError(() => layer('Input(shape=(3,), batch_shape=(None, 3))'), 'You cannot pass both `shape` and `batch_shape`');
  throwsUserError(() => layer('Input()'), 'You must pass a `shape` argument.');
  throwsUserError(() => layer('Input(shape=3)'), 'Received: shape=3');
  throwsUserError(() => layer('Input(shape=(3,), sparse=True)'), 'sparse=True is not supported');
  throwsUserError(() => layer('Input(shape=(3,), tensor=x)'), '`tensor=` is not supported');
  throwsUserError(() => layer("Input(shape=(3,), dtype='int33')"), 'dtype');
});

test('Lambda: output shape from the expression or from output_shape; bad expressions refused', () => {
  assert.deepEqual(out("Lambda('x * 2')", [null, 3]), [null, 3]);
  assert.deepEqual(out("Lambda('lambda x: mean(x, axis=1)')", [null, 5, 3]), [null, 3]);
  assert.deepEqual(out("Lambda('x', output_shape=(3,))", [null, 5]), [null, 3]);
  assert.throws(() => layer("Lambda('x +')"), { name: 'UserError' });
  throwsUserError(() => layer('Lambda()'), "Lambda() is missing the required argument 'function'");
  throwsUserError(() => layer("Lambda('x', mask=1)"), '`mask` is not supported');
});

test('resolveLayerCall: positionals, duplicates, missing, unknown layer, name, base kwargs', () => {
  throwsUserError(() => resolveLayerCall(call('Reshape', [tup(2), tup(3)])), 'Reshape takes 1 positional argument (target_shape); got 2');
  throwsUserError(() => resolveLayerCall(call('Dense', [4], { units: 5 })), "Dense got multiple values for argument 'units'");
  throwsUserError(() => resolveLayerCall(call('Dense')), "Dense() is missing the required argument 'units'");
  throwsUserError(() => resolveLayerCall(call('Dence', [4])), "Unknown layer 'Dence'. Did you mean 'Dense'?");
  throwsUserError(() => resolveLayerCall(call('dense', [4])), "Did you mean 'Dense'?");
  throwsUserError(() => resolveLayerCall(call('Dense', [4], { activaton: 'relu' })), "Unknown argument 'activaton' for Dense. Did you mean 'activation'?");
  throwsUserError(() => resolveLayerCall(call('Dense', [4], { name: 'a/b' })), 'Argument `name` must be a string');
  const r = resolveLayerCall(call('layers.Dense', [4, 'relu'], { name: 'out', dtype: 'float64', input_dim: 3 }));
  assert.equal(r.name, 'out');
  assert.equal(r.args.activation, 'relu');
  assert.equal(r.args.dtype, 'float64');
  assert.deepEqual(r.args.input_shape, tuple(3));
  assert.equal(r.args.trainable, true);
  assert.equal('name' in r.args, false);
});
