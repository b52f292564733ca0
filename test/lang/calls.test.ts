import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, ident, lineOf, tuple, valueOf } from './helpers.js';

test('a layer call with positional and keyword arguments, nested calls keep their columns', () => {
  assert.deepEqual(
    lineOf("Dense(64, activation='relu', kernel_regularizer=l2(0.01))"),
    { kind: 'expr', value: call('Dense', 0, [64], { activation: 'relu', kernel_regularizer: call('l2', 48, [0.01]) }) },
  );
});

test('dotted names are kept exactly as typed', () => {
  assert.deepEqual(lineOf('keras.layers.Dense(8)'), { kind: 'expr', value: call('keras.layers.Dense', 0, [8]) });
  assert.deepEqual(
    valueOf('regularizers.l1_l2(l1=0.01, l2=0.01)'),
    call('regularizers.l1_l2', 4, [], { l1: 0.01, l2: 0.01 }),
  );
  assert.deepEqual(
    valueOf('initializers.RandomNormal(stddev=0.05)'),
    call('initializers.RandomNormal', 4, [], { stddev: 0.05 }),
  );
});

test('model methods and keras.Sequential with a list of layers', () => {
  assert.deepEqual(lineOf('model.add(Dense(8))'), { kind: 'expr', value: call('model.add', 0, [call('Dense', 10, [8])]) });
  assert.deepEqual(lineOf('model.summary()'), { kind: 'expr', value: call('model.summary', 0) });
  assert.deepEqual(lineOf('summary()'), { kind: 'expr', value: call('summary', 0) });
  assert.deepEqual(
    lineOf('keras.Sequential([layers.Dense(2), layers.Dense(3)])'),
    { kind: 'expr', value: call('keras.Sequential', 0, [[call('layers.Dense', 18, [2]), call('layers.Dense', 35, [3])]]) },
  );
});

test('input((28, 28, 1)) is a call with a tuple, not a command', () => {
  assert.deepEqual(lineOf('input((28, 28, 1))'), { kind: 'expr', value: call('input', 0, [tuple(28, 28, 1)]) });
});

test('calls accept spaces, trailing commas and newlines inside brackets', () => {
  assert.deepEqual(valueOf('Dense( 8 , activation = relu , )'), call('Dense', 4, [8], { activation: ident('relu') }));
  assert.deepEqual(valueOf('Conv2D(32, (3, 3))'), call('Conv2D', 4, [32, tuple(3, 3)]));
  assert.deepEqual(valueOf('f(\n  1,  # units\n  b=2,\n)'), call('f', 4, [1], { b: 2 }));
});

test('a keyword named __proto__ is an ordinary key, not a prototype change', () => {
  const value = valueOf('f(__proto__=1, constructor=2)') as { kwargs: Record<string, unknown> };
  assert.deepEqual(Object.keys(value.kwargs), ['__proto__', 'constructor']);
  assert.equal(Object.getOwnPropertyDescriptor(value.kwargs, '__proto__')?.value, 1);
  assert.equal(Object.getPrototypeOf(value.kwargs), Object.prototype);
});

test('keyword order is kept as typed', () => {
  const value = valueOf('Dense(units=1, activation=None, use_bias=True)') as { kwargs: object };
  assert.deepEqual(Object.keys(value.kwargs), ['units', 'activation', 'use_bias']);
});
