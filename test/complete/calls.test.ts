import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeAt, replaced, texts } from './helpers.js';

const DENSE_KEYWORDS_AFTER_UNITS = [
  'activation=', 'use_bias=', 'kernel_initializer=', 'bias_initializer=', 'kernel_regularizer=', 'bias_regularizer=',
  'activity_regularizer=', 'kernel_constraint=', 'bias_constraint=', 'lora_rank=', 'lora_alpha=', 'quantization_config=',
  'trainable=', 'dtype=', 'autocast=', 'input_shape=', 'name=',
];

test('argument names of the layer being typed, in Keras signature order, then **kwargs ones', () => {
  assert.deepEqual(texts('Dense(64, '), DENSE_KEYWORDS_AFTER_UNITS);
  assert.deepEqual(texts('Dense('), ['units=', ...DENSE_KEYWORDS_AFTER_UNITS]);
  assert.deepEqual(texts('Dense(64, act'), ['activation=', 'activity_regularizer=']);
  assert.equal(replaced('Dense(64, act'), 'act');
  const first = completeAt('Dense(64, act').result.candidates[0]!;
  assert.equal(first.kind, 'argument');
  assert.match(first.detail ?? '', /Activation function/);
});

test('arguments already given are not offered again, by keyword or by position', () => {
  assert.deepEqual(texts("Dense(64, activation='relu', u"), ['use_bias=']);
  assert.deepEqual(texts('Dense(units=64, u'), ['use_bias=']);
  assert.deepEqual(texts("Dense(64, 'relu', a"), ['activity_regularizer=', 'autocast='], 'activation was given positionally');
  assert.deepEqual(texts('Conv2D(32, 3, k'), ['kernel_initializer=', 'kernel_regularizer=', 'kernel_constraint=']);
  assert.deepEqual(texts('Conv2D(32, (3, 3), pa'), ['padding=']);
});

test('argument names also inside model.add(, after add, after keras.layers., and in Sequential([...])', () => {
  assert.deepEqual(texts('model.add(Dense(8, use'), ['use_bias=']);
  assert.deepEqual(texts('add Dropout(0.5, s'), ['seed=']);
  assert.deepEqual(texts('keras.layers.Dropout(0.5, n'), ['noise_shape=', 'name=']);
  assert.deepEqual(texts('model = keras.Sequential([layers.Dense(8), layers.Dropout(0.2, se'), ['seed=']);
  assert.deepEqual(texts('Input(sh'), ['shape=']);
});

test('layer names where a layer goes: model.add(, Sequential([...]), a list', () => {
  assert.deepEqual(texts('model.add(Den'), ['Dense']);
  assert.deepEqual(texts('model.add(layers.Co'), ['Conv1D', 'Conv2D']);
  assert.deepEqual(texts('model = keras.Sequential([Input(shape=(4,)), Den'), ['Dense']);
  assert.deepEqual(texts('Dense(64, (Den'), [], 'a tuple inside a layer call is not a place for layers');
});

test('activation values are quoted; a typed quote is kept and closed', () => {
  assert.deepEqual(texts("Dense(64, activation='re"), ["'relu'", "'relu6'"]);
  assert.equal(replaced("Dense(64, activation='re"), "'re");
  assert.deepEqual(texts('Dense(64, activation="re'), ['"relu"', '"relu6"']);
  assert.deepEqual(texts('Dense(64, activation=re'), ["'relu'", "'relu6'"], 'a bare name completes to the quoted string Keras expects');
  assert.deepEqual(texts("Dense(64, activation='sig"), ["'sigmoid'"]);
  assert.deepEqual(texts('Dense(64, activation=N'), ['None']);
  assert.equal(texts('Dense(64, activation=').length, 30, "all 30 of Keras 3's activations");
});

test('a closing quote already at the cursor is not doubled', () => {
  assert.deepEqual(texts("Dense(64, activation='re|')"), ["'relu", "'relu6"]);
});

test('a quoted value typed positionally completes as that argument', () => {
  assert.deepEqual(texts("Dense(64, 'relu"), ["'relu'", "'relu6'"]);
  assert.deepEqual(texts("Conv2D(32, 3, 1, 's"), ["'same'"]);
});

test('choice arguments offer only their own choices', () => {
  assert.deepEqual(texts('Conv2D(32, (3, 3), padding='), ["'same'", "'valid'"]);
  assert.deepEqual(texts('Conv1D(32, 3, padding='), ["'causal'", "'same'", "'valid'"]);
  assert.deepEqual(texts('MaxPooling2D(data_format='), ["'channels_first'", "'channels_last'"]);
  assert.deepEqual(texts('Flatten(data_format=\'channels_f'), ["'channels_first'"]);
});

test('booleans complete to True/False', () => {
  assert.deepEqual(texts('Dense(64, use_bias='), ['False', 'True']);
  assert.deepEqual(texts('LSTM(8, return_sequences=T'), ['True']);
});

test('initializers, regularizers, constraints and dtypes offer Keras names; calls once a capital is typed', () => {
  assert.deepEqual(texts("Dense(64, kernel_initializer='he"), ["'he_normal'", "'he_uniform'"]);
  assert.deepEqual(texts('Dense(64, kernel_initializer=Random'), ['RandomNormal(', 'RandomUniform(']);
  assert.deepEqual(texts('Dense(64, kernel_regularizer='), ["'l1'", "'l1l2'", "'l2'", "'orthogonal_regularizer'"]);
  assert.deepEqual(texts('Dense(64, kernel_regularizer=l'), ["'l1'", "'l1l2'", "'l2'", 'l1_l2(']);
  assert.deepEqual(texts('Dense(64, kernel_constraint='), ["'max_norm'", "'min_max_norm'", "'non_neg'", "'unit_norm'"]);
  assert.deepEqual(texts("Dense(64, dtype='float"), ["'float16'", "'float32'", "'float64'", "'float8_e4m3fn'", "'float8_e5m2'"]);
});

test('inside an initializer call: its parameters and choice values', () => {
  assert.deepEqual(texts('Dense(64, kernel_initializer=RandomNormal('), ['mean=', 'stddev=', 'seed=']);
  assert.deepEqual(texts('Dense(64, kernel_initializer=RandomNormal(0.0, s'), ['stddev=', 'seed=']);
  assert.deepEqual(texts('Dense(8, kernel_initializer=VarianceScaling(mode='), ["'fan_avg'", "'fan_in'", "'fan_out'"]);
  assert.deepEqual(texts('Dense(8, kernel_regularizer=L2('), ['l2=']);
});

test('no values where the set is not known', () => {
  assert.deepEqual(texts('Dense(units='), []);
  assert.deepEqual(texts('Dense(64, name='), []);
  assert.deepEqual(texts('Conv2D(32, kernel_size=(3, '), []);
  assert.deepEqual(texts("Dense(64, activation='relu' "), []);
  assert.deepEqual(texts('Dense(64, nosuch='), []);
  assert.deepEqual(texts('print('), []);
});
