import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS } from '../../src/commands/index.js';
import { EMPTY, TWO_DENSE, completeAt, replaced, texts } from './helpers.js';

test('command names and aliases complete at the start of a line', () => {
  assert.deepEqual(texts('r'), ['redo', 'remove', 'rename', 'replace', 'reset', 'rm']);
  assert.deepEqual(texts('su'), ['summary']);
  assert.deepEqual(texts('ls'), ['ls']);
  assert.deepEqual(replaced('  sum'), 'sum');
});

test('every command and alias is offered on an empty line, with its summary', () => {
  const { result } = completeAt('');
  const offered = new Set(result.candidates.map((c) => c.text));
  for (const cmd of COMMANDS) {
    assert.ok(offered.has(cmd.name), cmd.name);
    for (const alias of cmd.aliases ?? []) if (alias !== '?') assert.ok(offered.has(alias), alias);
  }
  const summary = result.candidates.find((c) => c.text === 'summary');
  assert.equal(summary?.kind, 'command');
  assert.equal(summary?.detail, COMMANDS.find((c) => c.name === 'summary')!.summary);
});

test('model methods complete the Keras way', () => {
  assert.deepEqual(texts('mo'), ['move', 'model.add(', 'model.pop()', 'model.summary()']);
  assert.deepEqual(texts('model.s'), ['model.summary()']);
});

test('layer names complete at the start of a line, also case-insensitively when nothing else fits', () => {
  assert.deepEqual(texts('Den'), ['Dense']);
  assert.deepEqual(texts('Conv'), ['Conv1D', 'Conv2D']);
  assert.deepEqual(texts('Max'), ['MaxPooling1D', 'MaxPooling2D']);
  assert.deepEqual(texts('In'), ['Input']);
  assert.deepEqual(texts('dens'), ['Dense']);
  assert.equal(completeAt('Den').result.candidates[0]!.kind, 'layer');
});

test('layer names complete after layers. and keras.layers., replacing only the name', () => {
  assert.deepEqual(texts('layers.De'), ['Dense']);
  assert.equal(replaced('layers.De'), 'De');
  assert.deepEqual(texts('keras.layers.Sim'), ['SimpleRNN']);
  assert.deepEqual(texts('tf.keras.layers.LS'), ['LSTM']);
  assert.deepEqual(texts('ker'), ['keras.layers.']);
  assert.equal(texts('keras.layers.').length, 17);
});

test('layers complete after add, and after insert N / replace N', () => {
  assert.deepEqual(texts('add Conv'), ['Conv1D', 'Conv2D']);
  assert.deepEqual(texts('add layers.Fl'), ['Flatten']);
  assert.deepEqual(texts('insert 2 Drop'), ['Dropout']);
  assert.deepEqual(texts('replace dense Sim'), ['SimpleRNN']);
  assert.deepEqual(texts('replace 1 LS'), ['LSTM']);
});

test('commands that take a layer offer its positions, then its names', () => {
  assert.deepEqual(texts('remove '), ['1', '2', 'dense', 'dense_1']);
  assert.deepEqual(texts('rm d'), ['dense', 'dense_1']);
  assert.deepEqual(texts('inspect dense_'), ['dense_1']);
  assert.deepEqual(texts('show 2'), ['2']);
  assert.deepEqual(texts('rename '), ['1', '2', 'dense', 'dense_1']);
  assert.deepEqual(texts('set '), ['1', '2', 'dense', 'dense_1']);
  assert.deepEqual(texts('move '), ['1', '2', 'dense', 'dense_1']);
  assert.deepEqual(texts('remove ', EMPTY), []);
  const first = completeAt('remove ').result.candidates[0]!;
  assert.equal(first.kind, 'layer-ref');
  assert.equal(first.detail, 'dense (Dense)');
});

test('positions: insert may go one past the end, move only within the model', () => {
  assert.deepEqual(texts('insert '), ['1', '2', '3']);
  assert.deepEqual(texts('move dense '), ['1', '2']);
  assert.deepEqual(texts('rename 1 '), []);
});

test('set N offers that layer\'s arguments as key=, then their values', () => {
  const ctx = { ...TWO_DENSE, layerClasses: ['Conv2D', 'Dense'], layerNames: ['conv2d', 'dense'] };
  assert.deepEqual(texts('set 2 ', ctx), [
    'units=', 'activation=', 'use_bias=', 'kernel_initializer=', 'bias_initializer=', 'kernel_regularizer=',
    'bias_regularizer=', 'activity_regularizer=', 'kernel_constraint=', 'bias_constraint=', 'lora_rank=',
    'lora_alpha=', 'quantization_config=', 'trainable=', 'dtype=', 'autocast=', 'input_shape=', 'name=',
  ]);
  assert.deepEqual(texts('set conv2d pa', ctx), ['padding=']);
  assert.deepEqual(texts('set conv2d padding=', ctx), ["'same'", "'valid'"]);
  assert.deepEqual(texts("set 2 activation='ta", ctx), ["'tanh'", "'tanh_shrink'"]);
  assert.deepEqual(texts('set 2 units=8 use', ctx), ['use_bias=']);
  assert.deepEqual(texts('set 2 use_bias=False u', ctx), ['units=']);
  assert.deepEqual(texts('set 9 ', ctx), [], 'an unknown layer has no arguments to offer');
});

test('summary options and their values come from its usage line', () => {
  assert.deepEqual(texts('summary '), ['style=', 'show_trainable=', 'flops=', 'memory=', 'batch_size=', 'line_length=']);
  assert.deepEqual(texts('summary style='), ['keras3', 'keras2']);
  assert.deepEqual(texts('summary style=keras2 s'), ['show_trainable=']);
  assert.deepEqual(texts('summary show_trainable='), ['True', 'False']);
  assert.deepEqual(texts('summary flops=T'), ['True']);
  assert.deepEqual(texts('summary batch_size='), []);
});

test('backend choices and help topics', () => {
  assert.deepEqual(texts('backend '), ['auto', 'tensorflow', 'wasm', 'cpu']);
  assert.deepEqual(texts('backend w'), ['wasm']);
  assert.deepEqual(texts('help su'), ['summary']);
  assert.deepEqual(texts('help Co'), ['Conv1D', 'Conv2D']);
  assert.deepEqual(texts('?Den'), ['Dense']);
  assert.deepEqual(texts('help re'), ['redo', 'remove', 'rename', 'replace']);
});

test('nothing is offered where nothing is known', () => {
  assert.deepEqual(texts('undo '), []);
  assert.deepEqual(texts('nosuchcommand '), []);
  assert.deepEqual(texts('# remove '), []);
  assert.deepEqual(texts('remove 1 # re'), []);
  assert.deepEqual(texts('Dense(64) '), []);
});

test('completion reads each command\'s options table', () => {
  assert.deepEqual(texts('load x.csv task='), ['classification', 'regression'], 'values the usage line shows as …');
  assert.deepEqual(texts('load x.csv header'), [], 'a keyword left out of the usage line is not offered');
  assert.deepEqual(texts('seed '), [], 'seed N is a number, not a layer position');
  assert.deepEqual(texts('param '), [], 'param names are the user\'s own');
  assert.deepEqual(texts('fit sh'), ['shuffle=']);
  assert.deepEqual(texts('fit shuffle='), ['True', 'False']);
});
