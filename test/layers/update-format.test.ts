import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keras, tuple } from '../../src/layers/arg-builders.js';
import { findLayerSpec, formatArgValue, formatLayerCall, resolveLayerCall, updateLayerArgs } from '../../src/layers/index.js';
import { call, parseCall, throwsUserError } from './helpers.js';

const dense = findLayerSpec('Dense')!;
const argOf = (name: string) => dense.args.find((a) => a.name === name)!;

test('updateLayerArgs normalizes the changes and keeps everything else', () => {
  const { args } = resolveLayerCall(parseCall("Dense(64, activation='relu', use_bias=False)"));
  const next = updateLayerArgs(dense, args, { units: 128, kernel_initializer: 'he_normal' });
  assert.equal(next.units, 128);
  assert.equal(next.activation, 'relu');
  assert.equal(next.use_bias, false);
  assert.deepEqual(next.kernel_initializer, keras('HeNormal', { seed: null, input_axes: null, output_axes: null }));
  assert.equal(args.units, 64, 'the old args are not mutated');
});

test('updateLayerArgs refuses what resolve refuses', () => {
  const { args } = resolveLayerCall(parseCall('Dense(64)'));
  throwsUserError(() => updateLayerArgs(dense, args, { unit: 3 }), "Unknown argument 'unit' for Dense. Did you mean 'units'?");
  throwsUserError(() => updateLayerArgs(dense, args, { units: 0 }), 'Received: units=0');
  throwsUserError(() => updateLayerArgs(dense, args, { activation: 'rellu' }), "Did you mean 'relu'?");
  const reshape = findLayerSpec('Reshape')!;
  const r = resolveLayerCall(parseCall('Reshape((2, 3))'));
  throwsUserError(() => updateLayerArgs(reshape, r.args, { target_shape: tuple(-1, -1) }), 'at most one unknown dimension');
});

test('formatLayerCall: positional required args, non-default keywords only, then name', () => {
  const show = (text: string) => {
    const r = resolveLayerCall(parseCall(text));
    return formatLayerCall(r.spec, r.args, r.name);
  };
  assert.equal(show('Dense(64)'), 'Dense(64)');
  assert.equal(show("Dense(units=64, activation='relu', name='hidden')"), "Dense(64, activation='relu', name='hidden')");
  assert.equal(show('Dense(64, activation=None)'), 'Dense(64)');
  assert.equal(show("Dense(8, kernel_initializer='glorot_uniform')"), 'Dense(8)');
  assert.equal(show("Dense(8, kernel_initializer='he_normal')"), "Dense(8, kernel_initializer='he_normal')");
  assert.equal(show('Dense(8, kernel_initializer=RandomNormal(stddev=0.1))'), 'Dense(8, kernel_initializer=RandomNormal(stddev=0.1))');
  assert.equal(show('Conv2D(32, 3)'), 'Conv2D(32, (3, 3))');
  assert.equal(show('Dropout(0)'), 'Dropout(0.0)');
  assert.equal(show('Dropout(rate=0.00001)'), 'Dropout(1e-05)');
  assert.equal(show('keras.Input((28, 28, 1))'), 'Input(shape=(28, 28, 1))');
  assert.equal(show("Lambda('x * 2')"), "Lambda('x * 2')");
});

test('formatArgValue prints the Keras config view of a value', () => {
  const r = resolveLayerCall(call('Dense', [4], { kernel_regularizer: 'l2', kernel_constraint: 'max_norm' }));
  assert.equal(formatArgValue(argOf('kernel_initializer'), r.args.kernel_initializer!), 'GlorotUniform(seed=None, input_axes=None, output_axes=None)');
  assert.equal(formatArgValue(argOf('bias_initializer'), r.args.bias_initializer!), 'Zeros()');
  assert.equal(formatArgValue(argOf('kernel_regularizer'), r.args.kernel_regularizer!), 'L2(l2=0.01)');
  assert.equal(formatArgValue(argOf('kernel_constraint'), r.args.kernel_constraint!), 'MaxNorm(max_value=2, axis=0)');
  assert.equal(formatArgValue(argOf('activation'), r.args.activation!), "'linear'");
  assert.equal(formatArgValue(argOf('use_bias'), true), 'True');
  assert.equal(formatArgValue(argOf('bias_constraint'), null), 'None');
  const masking = findLayerSpec('Masking')!;
  assert.equal(formatArgValue(masking.args[0]!, 0), '0.0');
  const orth = resolveLayerCall(call('LSTM', [3])).args.recurrent_initializer!;
  assert.equal(formatArgValue(findLayerSpec('LSTM')!.args.find((a) => a.name === 'recurrent_initializer')!, orth), 'Orthogonal(seed=None, gain=1.0)');
});
