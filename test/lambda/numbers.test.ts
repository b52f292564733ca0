/**
 * Commands (src/lang) and Lambda expressions (src/lambda) read Python number literals alike.
 * Every expected value and every refusal is Python 3's: `int('0x1F', 0)` is 31, `1_000` is 1000,
 * `08` and `1__0` are SyntaxErrors, `1e5` is a float.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLambda } from '../../src/lambda/index.js';
import { parseError } from './parse-error.js';
import { errorOf, valueOf } from '../lang/helpers.js';

/** [literal, Python's value, whether Python reads it as an int]. */
const VALID: Array<[string, number, boolean]> = [
  ['0', 0, true], ['64', 64, true], ['1_000', 1000, true], ['1_000_000', 1e6, true], ['00', 0, true], ['0_0', 0, true],
  ['0x1F', 31, true], ['0X1f', 31, true], ['0x_1F', 31, true], ['0xdead_beef', 3735928559, true],
  ['0o17', 15, true], ['0O17', 15, true], ['0o_7', 7, true], ['0b101', 5, true], ['0B1_01', 5, true],
  ['1e-3', 0.001, false], ['1E3', 1000, false], ['1e5', 100000, false], ['2.5e+2', 250, false],
  ['.5', 0.5, false], ['5.', 5, false], ['1.e2', 100, false], ['1_000.000_1', 1000.0001, false],
  ['09.5', 9.5, false], ['07e1', 70, false], ['0e0', 0, false], ['1_0e1_0', 1e11, false],
];

/** Python refuses each of these with a SyntaxError. */
const MALFORMED = [
  '1__0', '1_', '0x', '0x_', '0b', '0o8', '0b102', '08', '0_7', '012', '1.2.3', '3x', '1_.5', '1._5', '1e_5',
  '1e', '1e+', '1.5e-', '1j', '1.5j', '.5J', '1e3j', '0x1j',
];

function lambdaNumber(text: string): { value: number } {
  const expr = parseLambda(`x * ${text}`);
  assert.equal(expr.kind, 'binary', text);
  const right = (expr as { right: { kind: string; value: number } }).right;
  assert.equal(right.kind, 'number', text);
  return right;
}

test('commands and Lambda read every Python literal to the same value', () => {
  for (const [text, expected] of VALID) {
    assert.equal(valueOf(text), expected, `command: ${text}`);
    assert.equal(lambdaNumber(text).value, expected, `Lambda: ${text}`);
  }
});

test('commands and Lambda refuse the same malformed literals, each message naming it', () => {
  for (const text of MALFORMED) {
    const command = errorOf(`x = ${text}`);
    assert.equal(command.column, 4, text);
    assert.ok(command.message.includes(`'${text}'`), `command: ${text} -> ${command.message}`);
    const lambda = parseError(`x * ${text}`);
    assert.ok(lambda.startsWith(`Lambda expression 'x * ${text}' has a `), `Lambda: ${text} -> ${lambda}`);
    assert.ok(lambda.includes(`'${text}' at column 5: `), `Lambda: ${text} -> ${lambda}`);
    assert.ok(!lambda.includes('\n'), 'one line');
  }
});

test('each refusal says what Python would object to', () => {
  assert.equal(errorOf('x = 08').message, "leading zeros in decimal integer literals are not permitted: '08' (use 8, or 0o for octal)");
  assert.equal(errorOf('x = 1e+').message, "invalid number '1e+': expected digits after the exponent, as in 1e-3");
  assert.equal(errorOf('x = 1.5j').message, "complex numbers are not supported: '1.5j'");
  assert.equal(errorOf('x = 1__0').message, "invalid number '1__0'");
  assert.equal(
    parseError('x + 08'),
    "Lambda expression 'x + 08' has a malformed number '08' at column 5: leading zeros in decimal integer literals are not permitted (use 8, or 0o for octal)",
  );
  assert.equal(parseError('x * 1e'), "Lambda expression 'x * 1e' has a malformed number '1e' at column 5: expected digits after the exponent, as in 1e-3");
  assert.equal(parseError('2j * x'), "Lambda expression '2j * x' has a complex number '2j' at column 1: complex numbers are not supported");
  assert.equal(
    parseError('x + 0x'),
    "Lambda expression 'x + 0x' has a malformed number '0x' at column 5: expected a number such as 3, 0.5, 1e-3, 1_000 or 0x1F",
  );
  assert.equal(parseError('x * 1e999'), "Lambda expression 'x * 1e999' has the number 1e999 at column 5: numbers must be finite");
});

test('Lambda indices take any Python int literal and refuse floats such as 1e0', () => {
  const index = (source: string) => JSON.stringify(parseLambda(source));
  assert.equal(index('x[:, 0x1]'), index('x[:, 1]'));
  assert.equal(index('x[:, 1_0:0b11:-0o1]'), index('x[:, 10:3:-1]'));
  assert.match(parseError('x[:, 1e0]'), /has the index 1e0 at column 6: indices and slice bounds must be integers/);
  assert.match(parseError('x[:, 2.]'), /has the index 2\. at column 6/);
});
