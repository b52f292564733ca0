import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klayers } from './cli.js';

// The whole training path through the built CLI, as a replayed script: load, model, compile, fit, evaluate.
const SCRIPT = ['seed 42', 'load builtin:iris', "Dense(16, activation='relu')", "Dense(3, activation='softmax')", 'compile optimizer=adam loss=categorical_crossentropy metrics=[accuracy]', 'fit epochs=3', 'evaluate', 'predict 5.1,3.5,1.4,0.2', ''].join('\n');

test('klayers replay trains: Keras epoch lines, a static chart, evaluate and predict', () => {
  const { status, stdout, stderr } = klayers(['replay', '-'], SCRIPT);
  assert.equal(stderr, '');
  assert.equal(status, 0, stdout);
  assert.match(stdout, /klayers> compile optimizer=adam .*\nmodel\.compile\(optimizer=Adam\(learning_rate=0\.001, beta_1=0\.9, beta_2=0\.999, epsilon=1e-07, amsgrad=False\), loss='categorical_crossentropy', metrics=\['accuracy'\]\)/);
  const epochs = stdout.match(/^Epoch \d\/3\n4\/4 - \d+s - \d+(ms|us)\/step - accuracy: \d\.\d{4}(?:e[+-]\d\d)? - loss: \d\.\d{4}(?:e[+-]\d\d)? - val_accuracy: \d\.\d{4}(?:e[+-]\d\d)? - val_loss: \d\.\d{4}(?:e[+-]\d\d)?$/gm);
  assert.equal(epochs?.length, 3, stdout);
  assert.match(stdout, /── loss {3}┄┄ val_loss/);
  assert.match(stdout, /Evaluating on the validation split \(30 rows\):\n1\/1 ━{20} \d+s \d+(ms|us)\/step - accuracy: \d\.\d{4}(?:e[+-]\d\d)? - loss: \d\.\d{4}(?:e[+-]\d\d)?\n/);
  assert.match(stdout, /Predicted: (setosa|versicolor|virginica) \(\d\.\d{4}\)/);
});

test('two replays of a seeded script print the same numbers', () => {
  const numbers = (out: string) => out.replace(/\d+s - \d+(ms|us)\/step|\d+s \d+(ms|us)\/step/g, '');
  const a = klayers(['replay', '-'], SCRIPT);
  const b = klayers(['replay', '-'], SCRIPT);
  assert.equal(numbers(a.stdout), numbers(b.stdout));
});
