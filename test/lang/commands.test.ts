import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Value } from '../../src/lang/ast.js';
import { call, ident, lineOf, tuple } from './helpers.js';

function command(name: string, args: Value[] = [], kwargs: Record<string, Value> = {}) {
  return { kind: 'command', name, args, kwargs };
}

test('bare commands and positional arguments', () => {
  assert.deepEqual(lineOf('undo'), command('undo'));
  assert.deepEqual(lineOf('  summary  '), command('summary'));
  assert.deepEqual(lineOf('insert 2 Dense(8)'), command('insert', [2, call('Dense', 9, [8])]));
  assert.deepEqual(lineOf('remove dense_1'), command('remove', [ident('dense_1')]));
  assert.deepEqual(lineOf('seed 42 # reproducible'), command('seed', [42]));
  assert.deepEqual(lineOf('add_2 x'), command('add_2', [ident('x')]));
});

test('"name (" with a space is a command with a tuple argument, "name(" is a call', () => {
  assert.deepEqual(lineOf('input (28, 28, 1)'), command('input', [tuple(28, 28, 1)]));
  assert.deepEqual(lineOf('input (4,)'), command('input', [tuple(4)]));
  assert.deepEqual(lineOf('insert 1 Dense (8)'), command('insert', [1, ident('Dense'), 8]));
  assert.equal(lineOf('input((28, 28, 1))').kind, 'expr');
});

test('keyword arguments take Python values', () => {
  assert.deepEqual(lineOf('set 2 units=128'), command('set', [2], { units: 128 }));
  assert.deepEqual(
    lineOf('summary style=keras2 flops=True'),
    command('summary', [], { style: ident('keras2'), flops: true }),
  );
  assert.deepEqual(
    lineOf('compile optimizer=adam loss=categorical_crossentropy metrics=[accuracy]'),
    command('compile', [], { optimizer: ident('adam'), loss: ident('categorical_crossentropy'), metrics: [ident('accuracy')] }),
  );
  assert.deepEqual(lineOf('fit epochs = 20  batch_size=32'), command('fit', [], { epochs: 20, batch_size: 32 }));
  assert.deepEqual(
    lineOf("compile optimizer=Adam(learning_rate=1e-3) loss='mse'"),
    command('compile', [], { optimizer: call('Adam', 18, [], { learning_rate: 0.001 }), loss: 'mse' }),
  );
});

test('commas separate arguments like spaces do', () => {
  assert.deepEqual(lineOf('fit epochs=20, batch_size=32'), command('fit', [], { epochs: 20, batch_size: 32 }));
  assert.deepEqual(lineOf('fit epochs=20,batch_size=32'), command('fit', [], { epochs: 20, batch_size: 32 }));
  assert.deepEqual(lineOf('move 1,2'), command('move', [1, 2]));
  assert.deepEqual(lineOf('move 1, 2,'), command('move', [1, 2]));
});

test('a keyword value glued to more values with commas is a tuple', () => {
  assert.deepEqual(lineOf('load x.csv target=a,b'), command('load', [ident('x.csv')], { target: tuple(ident('a'), ident('b')) }));
  assert.deepEqual(lineOf('set 1 kernel_size=3,3'), command('set', [1], { kernel_size: tuple(3, 3) }));
  assert.deepEqual(lineOf('set 1 kernel_size=3, 3'), command('set', [1, 3], { kernel_size: 3 }));
});

test('paths and data-set names are raw words', () => {
  assert.deepEqual(
    lineOf('load data/iris.csv target=species'),
    command('load', [ident('data/iris.csv')], { target: ident('species') }),
  );
  assert.deepEqual(lineOf('save model out/m1'), command('save', [ident('model'), ident('out/m1')]));
  for (const word of ['builtin:iris', './x', '../a-b.csv', '~/data.csv', 'x.csv', '--flag', '-', 'données.csv', 'C:/tmp/x']) {
    assert.deepEqual(lineOf(`load ${word}`), command('load', [ident(word)]), word);
  }
  assert.deepEqual(lineOf('load path=data/x.csv'), command('load', [], { path: ident('data/x.csv') }));
  assert.deepEqual(lineOf("load 'my data.csv'"), command('load', ['my data.csv']));
});

test('numbers stay numbers and a.b(...) stays a call among raw words', () => {
  assert.deepEqual(lineOf('fit -3 +2 .5 1e-3 1_000'), command('fit', [-3, 2, 0.5, 0.001, 1000]));
  assert.deepEqual(lineOf('insert 0 layers.Dense(4)'), command('insert', [0, call('layers.Dense', 9, [4])]));
  assert.deepEqual(lineOf('show keras.layers'), command('show', [ident('keras.layers')]));
  assert.deepEqual(lineOf('set 1 x=None'), command('set', [1], { x: null }));
});

test('adjacent strings are separate command arguments but join inside brackets', () => {
  assert.deepEqual(lineOf("say 'a' 'b'"), command('say', ['a', 'b']));
  assert.deepEqual(lineOf("say ('a' 'b')"), command('say', ['ab']));
});
