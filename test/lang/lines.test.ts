import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, ident, lineOf, tuple } from './helpers.js';

test('empty, blank and comment-only lines', () => {
  for (const text of ['', '   ', '\t', '# a comment', '   # indented comment', '\n']) {
    assert.deepEqual(lineOf(text), { kind: 'empty' }, JSON.stringify(text));
  }
});

test('imports are recognised and respelled canonically', () => {
  const cases: Array<[string, string]> = [
    ['import keras', 'import keras'],
    ['from keras import layers', 'from keras import layers'],
    ['from keras.layers import Dense, Conv2D', 'from keras.layers import Dense, Conv2D'],
    ['import numpy as np,keras  # why not', 'import numpy as np, keras'],
    ['from keras import *', 'from keras import *'],
    ['from keras.layers import (\n  Dense,\n  Conv2D,\n)', 'from keras.layers import (Dense, Conv2D,)'],
  ];
  for (const [text, respelled] of cases) assert.deepEqual(lineOf(text), { kind: 'import', text: respelled }, text);
});

test('assignments to plain and dotted targets', () => {
  assert.deepEqual(lineOf('model = keras.Sequential()'), { kind: 'assign', target: 'model', value: call('keras.Sequential', 8) });
  assert.deepEqual(
    lineOf('model = keras.Sequential(name="mnist")'),
    { kind: 'assign', target: 'model', value: call('keras.Sequential', 8, [], { name: 'mnist' }) },
  );
  assert.deepEqual(lineOf('model.name="m"'), { kind: 'assign', target: 'model.name', value: 'm' });
  assert.deepEqual(lineOf('x = (28, 28)  # shape'), { kind: 'assign', target: 'x', value: tuple(28, 28) });
});

test('a Python literal alone on a line is an expression', () => {
  assert.deepEqual(lineOf('[1, 2]'), { kind: 'expr', value: [1, 2] });
  assert.deepEqual(lineOf("'text'"), { kind: 'expr', value: 'text' });
  assert.deepEqual(lineOf('-3'), { kind: 'expr', value: -3 });
  assert.deepEqual(lineOf('None'), { kind: 'expr', value: null });
});

test('multi-line text inside brackets parses as one logical line', () => {
  const text = 'model = keras.Sequential([\n    layers.Dense(2),\n    layers.Dense(3),  # out\n])';
  const line = lineOf(text);
  assert.equal(line.kind, 'assign');
  const value = (line as unknown as { value: { args: unknown[][] } }).value;
  assert.equal(value.args[0]!.length, 2);
  assert.deepEqual(lineOf('Dense(8, \\\n activation=relu)'), lineOf('Dense(8, activation=relu)'));
  assert.deepEqual(lineOf("x = 'two\nlines'"), { kind: 'assign', target: 'x', value: 'two\nlines' });
  assert.deepEqual(lineOf('undo\r\n'), { kind: 'command', name: 'undo', args: [], kwargs: {} });
});

test('help with a question mark keeps the ? in the command name', () => {
  assert.deepEqual(lineOf('Dense?'), { kind: 'command', name: 'Dense?', args: [], kwargs: {} });
  assert.deepEqual(lineOf('layers.Conv2D?'), { kind: 'command', name: 'layers.Conv2D?', args: [], kwargs: {} });
  assert.deepEqual(lineOf('?'), { kind: 'command', name: '?', args: [], kwargs: {} });
  assert.deepEqual(lineOf('help Dense'), { kind: 'command', name: 'help', args: [ident('Dense')], kwargs: {} });
});
