import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arg, keras, required, tuple } from '../../src/layers/arg-builders.js';
import { normalizeArgValue } from '../../src/layers/index.js';
import type { ArgKind, ArgSpec } from '../../src/layers/types.js';
import type { Value } from '../../src/lang/ast.js';
import { call, throwsUserError, tup } from './helpers.js';

const ident = (name: string): Value => ({ kind: 'ident', name });
const spec = (name: string, kind: ArgKind, extra: Partial<ArgSpec> = {}): ArgSpec => arg(name, kind, null, 'doc', extra);
const norm = (s: ArgSpec, v: Value): Value => normalizeArgValue('Dense', s, v);

test('int: whole numbers only, message names layer, argument and value', () => {
  const units = required('units', 'int', 'doc');
  assert.equal(norm(units, 64), 64);
  throwsUserError(() => norm(units, 2.5), 'Dense: `units` must be an integer. Received: units=2.5');
  throwsUserError(() => norm(units, '64'), "Received: units='64'");
  throwsUserError(() => norm(units, true), 'Received: units=True');
  throwsUserError(() => norm(units, null), 'Received: units=None');
  assert.equal(norm(spec('seed', 'int', { nullable: true }), null), null);
});

test('float and bool', () => {
  const rate = required('rate', 'float', 'doc');
  assert.equal(norm(rate, 0), 0);
  assert.equal(norm(rate, 0.5), 0.5);
  throwsUserError(() => norm(rate, 'half'), "`rate` must be a float. Received: rate='half'");
  const useBias = arg('use_bias', 'bool', true, 'doc');
  assert.equal(norm(useBias, false), false);
  throwsUserError(() => norm(useBias, 1), '`use_bias` must be True or False. Received: use_bias=1');
  assert.equal(norm(useBias, null), false, 'None is falsy, as in Python');
});

test('choice: lower-cased like Keras, None means the default, did-you-mean', () => {
  const padding = arg('padding', 'choice', 'valid', 'doc', { choices: ['valid', 'same'] });
  assert.equal(norm(padding, 'SAME'), 'same');
  const fmt = arg('data_format', 'choice', 'channels_last', 'doc', { choices: ['channels_last', 'channels_first'] });
  assert.equal(norm(fmt, null), 'channels_last');
  const e = throwsUserError(() => norm(padding, 'vaild'), "`padding` must be one of 'valid', 'same'. Received: padding='vaild'");
  assert.match(e.hint ?? '', /Did you mean 'valid'\?/);
});

test('dtype: names, Python types, tf./np. spellings; None is float32', () => {
  const dtype = arg('dtype', 'dtype', 'float32', 'doc');
  assert.equal(norm(dtype, null), 'float32');
  assert.equal(norm(dtype, 'float64'), 'float64');
  assert.equal(norm(dtype, ident('tf.int32')), 'int32');
  assert.equal(norm(dtype, ident('float')), 'float32');
  assert.equal(norm(dtype, 'int'), 'int32');
  throwsUserError(() => norm(dtype, 'float'), "Received: dtype='float'");
  const e = throwsUserError(() => norm(dtype, 'int33'), "dtype='int33'");
  assert.match(e.hint ?? '', /Invalid dtype: int33\. Did you mean 'int32'\?/);
});

test('shape: tuples or lists of ints and None, normalized to a Tuple', () => {
  const shape = spec('shape', 'shape', { nullable: true });
  assert.deepEqual(norm(shape, tup(28, 28, 1)), tuple(28, 28, 1));
  assert.deepEqual(norm(shape, [null, 8]), tuple(null, 8));
  assert.equal(norm(shape, null), null);
  const e = throwsUserError(() => norm(shape, 3), '`shape` must be a tuple of integers. Received: shape=3');
  assert.match(e.hint ?? '', /shape=\(3,\)/);
  throwsUserError(() => norm(shape, tup(2.5)), 'Received: shape=(2.5,)');
});

test('int_tuple: an int repeats to the rank; wrong length or non-positive is refused', () => {
  const k = arg('kernel_size', 'int_tuple', null, 'doc', { rank: 2, required: true });
  assert.deepEqual(norm(k, 3), tuple(3, 3));
  assert.deepEqual(norm(k, [3, 5]), tuple(3, 5));
  throwsUserError(() => norm(k, tup(3)), '`kernel_size` must be an integer or a tuple of 2 integers. Received: kernel_size=(3,)');
  throwsUserError(() => norm(k, 0), 'kernel_size=0');
  throwsUserError(() => norm(k, tup(3, 1.5)), 'kernel_size=(3, 1.5)');
});

test("activation: Keras names and aliases as get_config shows them; None is 'linear'", () => {
  const act = arg('activation', 'activation', 'linear', 'doc');
  assert.equal(norm(act, 'relu'), 'relu');
  assert.equal(norm(act, null), 'linear');
  assert.equal(norm(act, ident('relu')), 'relu');
  assert.equal(norm(act, ident('activations.relu')), 'relu');
  assert.equal(norm(act, ident('keras.activations.swish')), 'silu');
  assert.equal(norm(act, 'hard_swish'), 'hard_silu');
  assert.equal(norm(act, 'log_softmax'), 'log_softmax');
  throwsUserError(() => norm(act, 'rellu'), "Unknown activation 'rellu' for Dense. Did you mean 'relu'?");
  throwsUserError(() => norm(act, 'Relu'), "Did you mean 'relu'?");
  throwsUserError(() => norm(act, call('relu')), 'activation=relu()');
  throwsUserError(() => norm(act, ident('tf.nn.relu')), 'activation=tf.nn.relu');
});

const init = arg('kernel_initializer', 'initializer', keras('GlorotUniform'), 'doc');
const fan = { seed: null, input_axes: null, output_axes: null };

test('initializer strings give the Keras class with its full get_config()', () => {
  assert.deepEqual(norm(init, 'glorot_uniform'), keras('GlorotUniform', fan));
  assert.deepEqual(norm(init, 'he_normal'), keras('HeNormal', fan));
  assert.deepEqual(norm(init, 'lecun_uniform'), keras('LecunUniform', fan));
  assert.deepEqual(norm(init, 'zeros'), keras('Zeros'));
  assert.deepEqual(norm(init, 'one'), keras('Ones'));
  assert.deepEqual(norm(init, 'orthogonal'), keras('Orthogonal', { gain: 1.0, seed: null }));
  assert.deepEqual(norm(init, 'random_normal'), keras('RandomNormal', { mean: 0.0, stddev: 0.05, seed: null }));
  assert.deepEqual(norm(init, 'uniform'), keras('RandomUniform', { minval: -0.05, maxval: 0.05, seed: null }));
  assert.deepEqual(norm(init, 'truncated_normal'), keras('TruncatedNormal', { mean: 0.0, stddev: 0.05, seed: null }));
  assert.deepEqual(
    norm(init, 'variance_scaling'),
    keras('VarianceScaling', { scale: 1.0, mode: 'fan_in', distribution: 'truncated_normal', ...fan }),
  );
  throwsUserError(() => norm(init, 'he_norml'), "Unknown initializer 'he_norml' for Dense kernel_initializer. Did you mean 'he_normal'?");
});

test('initializer calls: class names, aliases, module paths, positional and keyword arguments', () => {
  assert.deepEqual(norm(init, call('RandomNormal', [], { stddev: 0.1 })), keras('RandomNormal', { mean: 0.0, stddev: 0.1, seed: null }));
  assert.deepEqual(norm(init, call('initializers.HeNormal', [], { seed: 1 })), keras('HeNormal', { ...fan, seed: 1 }));
  assert.deepEqual(norm(init, call('Constant', [0.1])), keras('Constant', { value: 0.1 }));
  assert.deepEqual(norm(init, call('keras.initializers.constant', [], { value: 0.1 })), keras('Constant', { value: 0.1 }));
  assert.deepEqual(norm(init, call('Orthogonal', [], { gain: 2 })), keras('Orthogonal', { gain: 2, seed: null }));
  assert.deepEqual(norm(init, call('Identity')), keras('Identity', { gain: 1.0 }));
  assert.deepEqual(norm(init, ident('initializers.Zeros')), keras('Zeros'));
  assert.deepEqual(
    norm(init, call('VarianceScaling', [2.0], { mode: 'fan_avg', distribution: 'normal' })),
    keras('VarianceScaling', { scale: 2.0, mode: 'fan_avg', distribution: 'truncated_normal', ...fan }),
  );
});

test('a bad argument inside an initializer call names it, with did-you-mean', () => {
  throwsUserError(() => norm(init, call('RandomNormal', [], { stdev: 1 })), "Unknown argument 'stdev' for RandomNormal in Dense kernel_initializer. Did you mean 'stddev'?");
  throwsUserError(() => norm(init, call('VarianceScaling', [], { scale: 0 })), '`scale` must be a float > 0. Received: scale=0');
  throwsUserError(() => norm(init, call('VarianceScaling', [], { mode: 'fan' })), "mode='fan'");
  throwsUserError(() => norm(init, call('Constant', [1, 2])), 'Constant takes 1 positional argument (value); got 2');
  throwsUserError(() => norm(init, call('HeNormal', [], { seed: 1.5 })), 'seed=1.5');
  throwsUserError(() => norm(init, null), 'Received: kernel_initializer=None');
});

const reg = arg('kernel_regularizer', 'regularizer', null, 'doc', { nullable: true });

test('regularizers: Keras string defaults and calls, serialized as Keras does', () => {
  assert.deepEqual(norm(reg, 'l2'), keras('L2', { l2: 0.01 }));
  assert.deepEqual(norm(reg, 'l1'), keras('L1', { l1: 0.01 }));
  assert.deepEqual(norm(reg, 'l1l2'), keras('L1L2', { l1: 0.0, l2: 0.0 }));
  assert.deepEqual(norm(reg, call('l2', [0.001])), keras('L2', { l2: 0.001 }));
  assert.deepEqual(norm(reg, call('regularizers.L1L2', [], { l1: 0.01, l2: 0.01 })), keras('L1L2', { l1: 0.01, l2: 0.01 }));
  assert.deepEqual(norm(reg, call('l1_l2', [], { l1: 0.02 })), keras('L1L2', { l1: 0.02, l2: 0.0 }));
  assert.deepEqual(norm(reg, 'orthogonal_regularizer'), keras('OrthogonalRegularizer', { factor: 0.01, mode: 'rows' }));
  assert.equal(norm(reg, null), null);
});

test('regularizer errors: misspelt keyword, negative penalty, the string l1_l2 Keras 3 refuses', () => {
  throwsUserError(() => norm(reg, call('l2', [], { l3: 0.1 })), "Unknown argument 'l3' for L2 in Dense kernel_regularizer. Did you mean 'l2'?");
  throwsUserError(() => norm(reg, call('l2', [-1])), '`l2` must be a float >= 0. Received: l2=-1');
  const e = throwsUserError(() => norm(reg, 'l1_l2'), "Keras 3 does not accept the string 'l1_l2'");
  assert.match(e.hint ?? '', /l1_l2\(l1=0\.01, l2=0\.01\)/);
  throwsUserError(() => norm(reg, 'l22'), "Unknown regularizer 'l22'", "Did you mean 'l2'?");
});

const con = arg('kernel_constraint', 'constraint', null, 'doc', { nullable: true });

test('constraints: strings and calls with Keras defaults filled', () => {
  assert.deepEqual(norm(con, 'max_norm'), keras('MaxNorm', { max_value: 2, axis: 0 }));
  assert.deepEqual(norm(con, call('max_norm', [3])), keras('MaxNorm', { max_value: 3, axis: 0 }));
  assert.deepEqual(norm(con, call('MaxNorm', [], { max_value: 2, axis: 0 })), keras('MaxNorm', { max_value: 2, axis: 0 }));
  assert.deepEqual(norm(con, call('non_neg')), keras('NonNeg'));
  assert.deepEqual(norm(con, 'unit_norm'), keras('UnitNorm', { axis: 0 }));
  assert.deepEqual(norm(con, 'min_max_norm'), keras('MinMaxNorm', { min_value: 0.0, max_value: 1.0, rate: 1.0, axis: 0 }));
  assert.deepEqual(norm(con, call('constraints.MinMaxNorm', [], { axis: [0, 1] })), keras('MinMaxNorm', { min_value: 0.0, max_value: 1.0, rate: 1.0, axis: [0, 1] }));
  throwsUserError(() => norm(con, call('max_norm', [], { max_valu: 3 })), "Did you mean 'max_value'?");
});
