import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, lineOf } from './helpers.js';

/** [line, 0-based column, message]: each column points at the offending token. */
const CASES: Array<[string, number, string]> = [
  ['Dense(64,, 2)', 9, "expected an argument or ')'"],
  ['Dense(64', 8, "'(' was never closed"],
  ['Dense(64))', 9, "unmatched ')'"],
  ['Dense(activation=\'relu\', 64)', 25, 'positional argument follows keyword argument'],
  ['Dense(units=8, units=9)', 15, 'keyword argument repeated: units'],
  ['x = 1e', 4, "invalid number '1e': expected digits after the exponent, as in 1e-3"],
  ['Dense(64 @ 2)', 9, "unexpected character '@': expected ',' or ')'"],
  ["Dense(8, name='abc", 14, 'unterminated string literal'],
  ['Dense(1 2)', 8, "expected ',' or ')' (missing a comma?)"],
  ['x = [1, 2)', 9, "closing parenthesis ')' does not match opening parenthesis '['"],
  ['x = ([1, 2', 10, "'[' was never closed"],
  [')', 0, "unmatched ')'"],
  ['Dense(=3)', 6, "expected an argument or ')'"],
  ['Dense(units=)', 12, "expected a value after 'units='"],
  ['Dense(a.b=3)', 6, "a keyword must be a plain name, not 'a.b'"],
  ['Dense(True=3)', 6, "a keyword must be a plain name, not 'True'"],
  ['Dense(8)(x)', 8, 'expected end of line'],
  ['x =', 3, "expected a value after '='"],
  ["x = -'relu'", 5, "expected a number after '-'"],
  ['x = model.', 9, "expected a name after '.'"],
  ['model.', 5, "expected a name after '.'"],
  ['= 3', 0, 'expected a command, a Keras call or an assignment'],
  ['True = 1', 0, 'cannot assign to True'],
  ['x = 012', 4, "leading zeros in decimal integer literals are not permitted: '012' (use 12, or 0o for octal)"],
  ['x = 1j', 4, "complex numbers are not supported: '1j'"],
  ['x = 1_', 4, "invalid number '1_'"],
  ['x = 0x', 4, "invalid number '0x'"],
  ['x = 1e999', 4, "number too large: '1e999'"],
  ["x = f'{a}'", 4, "f-strings are not supported; use a plain string such as '...'"],
  ["x = '\\x4'", 5, 'invalid \\x escape: expected 2 hex digits, as in \\x0a'],
  ['x = {1: 2}', 5, "expected a string key such as 'y' or '}'"],
  ['Dense(*args)', 6, "unexpected '*': expected an argument or ')'"],
  ['fit 1.5.2', 4, "invalid number '1.5.2'"],
  ['set 1 units=', 12, "expected a value after 'units='"],
  ['set 1 units=8 units=9', 14, 'keyword argument repeated: units'],
  ['move 1,,2', 7, 'expected an argument before this comma'],
  ['insert 2 Dense(8)x', 17, "expected a space or ',' between arguments"],
  ['summary)', 7, "unmatched ')'"],
  ['summary@', 7, "unexpected character '@': expected a space, then the command's arguments"],
  ['summary\nfit', 8, 'expected end of line: put one command per line'],
  ['import', 6, "expected a name to import"],
  ['from keras import', 17, "expected a name to import"],
  ['from keras layers', 11, "expected 'import'"],
  ['import keras.', 12, "expected a name after '.'"],
  ['x = 1 \\ 2', 6, 'unexpected character after line continuation character'],
];

test('syntax errors name what was expected at the column of the offending token', () => {
  for (const [line, column, message] of CASES) {
    assert.deepEqual(errorOf(line), { message, column }, line);
  }
});

test('nesting deeper than 100 brackets is an error, not a stack overflow', () => {
  const deep = `x = ${'['.repeat(101)}${']'.repeat(101)}`;
  assert.deepEqual(errorOf(deep), { message: 'too many nested brackets (more than 100)', column: 104 });
  assert.equal(lineOf(`x = ${'['.repeat(100)}${']'.repeat(100)}`).kind, 'assign');
  const hugeDepth = `x = ${'('.repeat(200_000)}`;
  assert.equal(errorOf(hugeDepth).message, 'too many nested brackets (more than 100)');
  assert.equal(errorOf(`x = ${'-'.repeat(200_000)}`).message, "expected a number after '-'");
});
