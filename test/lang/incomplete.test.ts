import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIncomplete, parseLine } from '../../src/lang/index.js';

test('open brackets, open strings and a trailing backslash ask for another line', () => {
  for (const text of [
    'Dense(64', 'model = keras.Sequential([', "Dense(8, name='abc", 'x = "', 'input (28, 28,',
    'f(1,  # comment', 'x = [(', 'Dense(8) \\', 'from keras.layers import (Dense,', "x = 'a\\",
  ]) {
    assert.equal(isIncomplete(text), true, text);
  }
});

test('complete lines and real errors do not ask for more', () => {
  for (const text of [
    '', 'Dense(64)', 'summary', 'Dense(64))', 'Dense(64,, 2', 'x =', 'x = -', 'Dense(64 @', 'load data/x.csv',
    "x = 'ok'", '# Dense(', "x = '('", 'x = [1, 2)', 'x = 1e',
  ]) {
    assert.equal(isIncomplete(text), false, text);
  }
});

test('continuing line by line ends in one logical line that parses', () => {
  const typed = ['model = keras.Sequential([', '    layers.Dense(2,', "        activation='relu'),", '    layers.Dense(3),', '])'];
  let text = typed[0]!;
  for (const next of typed.slice(1)) {
    assert.equal(isIncomplete(text), true, text);
    text += `\n${next}`;
  }
  assert.equal(isIncomplete(text), false);
  const result = parseLine(text);
  assert.ok(result.ok && result.line.kind === 'assign');
});

test('an error after a line break reports a column inside the whole text', () => {
  const text = 'Dense(8,\n  activation=relu,,)';
  const result = parseLine(text);
  assert.deepEqual(result, { ok: false, error: { message: "expected an argument or ')'", column: text.indexOf(',,') + 1 } });
  assert.equal(text.indexOf(',,') + 1, 27);
});
