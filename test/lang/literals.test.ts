import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, ident, tuple, valueOf } from './helpers.js';

test('Python constants', () => {
  assert.equal(valueOf('None'), null);
  assert.equal(valueOf('True'), true);
  assert.equal(valueOf('False'), false);
});

test('other languages\' spellings of constants are errors that name the Python spelling', () => {
  assert.deepEqual(errorOf('x = true'), { message: "'true' is not a Python value: write True", column: 4 });
  assert.deepEqual(errorOf('x = null'), { message: "'null' is not a Python value: write None", column: 4 });
  assert.deepEqual(errorOf('Dense(8, use_bias=false)'), {
    message: "'false' is not a Python value: write False",
    column: 18,
  });
});

test('integers, floats, signs, underscores and prefixes', () => {
  const cases: Array<[string, number]> = [
    ['64', 64], ['0', 0], ['1_000', 1000], ['0.5', 0.5], ['.5', 0.5], ['5.', 5], ['1e-3', 0.001],
    ['1E3', 1000], ['2.5e+2', 250], ['1.e2', 100], ['-3', -3], ['+2', 2], ['- 4', -4], ['--5', 5],
    ['-+-6', 6], ['0x1F', 31], ['0o17', 15], ['0b101', 5], ['00', 0], ['0_0', 0], ['1e308', 1e308],
  ];
  for (const [text, expected] of cases) assert.equal(valueOf(text), expected, text);
  assert.ok(Object.is(valueOf('-0.0'), -0), '-0.0 keeps its sign');
  assert.equal(valueOf('0x1fffffffffffff1'), 0x1fffffffffffff1, 'hex beyond 2^53 rounds once');
});

test('strings with both quotes and Python escapes', () => {
  const cases: Array<[string, string]> = [
    ["'relu'", 'relu'], ['"relu"', 'relu'], ["''", ''], [`"it's"`, "it's"], [`'say "hi"'`, 'say "hi"'],
    ["'a\\'b'", "a'b"], ["'\\\\'", '\\'], ["'\\n\\t\\r'", '\n\t\r'], ["'\\x41\\u00e9\\U0001F600'", 'Aé😀'],
    ["'\\101'", 'A'], ["'\\0'", '\0'], ["'\\q'", '\\q'], ["'a' 'b' \"c\"", 'abc'], ["r'\\n'", '\\n'],
    ["r'a\\'b'", "a\\'b"], ["u'x'", 'x'], ["'# not a comment'", '# not a comment'], ["'é中😀'", 'é中😀'],
  ];
  for (const [text, expected] of cases) assert.equal(valueOf(text), expected, text);
});

test('tuples, parentheses, lists and trailing commas', () => {
  assert.deepEqual(valueOf('(3, 3)'), tuple(3, 3));
  assert.deepEqual(valueOf('(4,)'), tuple(4));
  assert.deepEqual(valueOf('()'), tuple());
  assert.equal(valueOf('(3)'), 3);
  assert.equal(valueOf('((3))'), 3);
  assert.deepEqual(valueOf('(1, 2,)'), tuple(1, 2));
  assert.deepEqual(valueOf('[1, 2]'), [1, 2]);
  assert.deepEqual(valueOf('[]'), []);
  assert.deepEqual(valueOf('[1,]'), [1]);
  assert.deepEqual(valueOf('[(1, 2), [3], None]'), [tuple(1, 2), [3], null]);
  assert.deepEqual(valueOf('( 28 ,28, 1 )'), tuple(28, 28, 1));
});

test('bare and dotted names are Idents', () => {
  assert.deepEqual(valueOf('relu'), ident('relu'));
  assert.deepEqual(valueOf('dense_1'), ident('dense_1'));
  assert.deepEqual(valueOf('keras.activations.relu'), ident('keras.activations.relu'));
  assert.deepEqual(valueOf('_x9'), ident('_x9'));
});

test("a dict literal with Python-name string keys is the call dict(k=v), printed back as Python's dict", async () => {
  const { formatValue } = await import('../../src/lang/format-value.js');
  const v = valueOf("{'scale': 0.5, \"n\": (2, 3)}");
  assert.deepEqual(v, { kind: 'call', name: 'dict', args: [], kwargs: { scale: 0.5, n: tuple(2, 3) }, column: 4 });
  assert.equal(formatValue(v), "{'scale': 0.5, 'n': (2, 3)}");
  assert.equal(formatValue(valueOf('{}')), '{}');
  assert.match(errorOf('x = {1: 2}').message, /expected a string key/);
  assert.match(errorOf("x = {'a b': 2}").message, /must be a Python name, not 'a b'/);
  assert.match(errorOf("x = {'a': 1, 'a': 2}").message, /key repeated: 'a'/);
  assert.match(errorOf("x = {'a' 1}").message, /expected ':'/);
});
