import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLambda, MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH, parseLambda } from '../../src/lambda/index.js';
import { UserError } from '../../src/core/user-error.js';
import { parseError } from './parse-error.js';

const x = { kind: 'x' } as const;
const num = (value: number) => ({ kind: 'number', value }) as const;

test('precedence follows Python: * before +, ** before unary minus, ** right-associative', () => {
  assert.deepEqual(parseLambda('x * 2 + 1'), {
    kind: 'binary', op: '+', left: { kind: 'binary', op: '*', left: x, right: num(2) }, right: num(1),
  });
  assert.deepEqual(parseLambda('1 + x * 2'), {
    kind: 'binary', op: '+', left: num(1), right: { kind: 'binary', op: '*', left: x, right: num(2) },
  });
  assert.deepEqual(parseLambda('-x ** 2'), { kind: 'unary', op: '-', operand: { kind: 'binary', op: '**', left: x, right: num(2) } });
  assert.deepEqual(parseLambda('2 ** 3 ** x'), {
    kind: 'binary', op: '**', left: num(2), right: { kind: 'binary', op: '**', left: num(3), right: x },
  });
  assert.deepEqual(parseLambda('x - 1 - 2'), {
    kind: 'binary', op: '-', left: { kind: 'binary', op: '-', left: x, right: num(1) }, right: num(2),
  });
  assert.deepEqual(parseLambda('x + 1 > 2 * x'), {
    kind: 'binary', op: '>', left: { kind: 'binary', op: '+', left: x, right: num(1) }, right: { kind: 'binary', op: '*', left: num(2), right: x },
  });
  assert.deepEqual(parseLambda('x ** -1'), { kind: 'binary', op: '**', left: x, right: num(-1) });
});

test('numbers: ints, floats, exponents, leading dot', () => {
  assert.deepEqual(parseLambda('1e-3 * x'), { kind: 'binary', op: '*', left: num(0.001), right: x });
  assert.deepEqual(parseLambda('.5 + x'), { kind: 'binary', op: '+', left: num(0.5), right: x });
  assert.deepEqual(parseLambda('2.5E2 - x'), { kind: 'binary', op: '-', left: num(250), right: x });
});

test('calls bind positional and keyword arguments by parameter name', () => {
  assert.deepEqual(parseLambda('mean(x, 1, True)'), parseLambda('mean(x, keepdims=True, axis=1)'));
  assert.deepEqual(parseLambda('clip(x, 0, 1)'), { kind: 'call', name: 'clip', args: { x, x_min: num(0), x_max: num(1) } });
  assert.equal(formatLambda(parseLambda('concatenate([x, square(x)], axis=-1)')), 'concatenate([x, square(x)], axis=-1)');
  assert.equal(formatLambda(parseLambda('reshape(x, (8, 8))')), 'reshape(x, (8, 8))');
});

test('Keras spellings are accepted: lambda x:, ops. and keras.ops. prefixes', () => {
  assert.deepEqual(parseLambda('lambda x: ops.mean(x, axis=1)'), parseLambda('mean(x, axis=1)'));
  assert.deepEqual(parseLambda('keras.ops.square(x)'), parseLambda('square(x)'));
  // Python lambdas name their input as they like, and take parameters with defaults.
  assert.deepEqual(parseLambda('lambda y: y * 2'), parseLambda('x * 2'));
  assert.deepEqual(parseLambda('lambda t, scale=2.5: t * scale'), parseLambda('x * 2.5'));
  assert.match(parseError('lambda x, y: x * y'), /expected '=' and a number after 'y'/);
});

test('indexing: integers, slices with steps, ellipsis and None', () => {
  assert.deepEqual(parseLambda('x[:, -1]'), {
    kind: 'index', target: x, items: [{ kind: 'slice', start: null, stop: null, step: null }, { kind: 'at', index: -1 }],
  });
  assert.deepEqual(parseLambda('x[..., 1:3, ::-2, None]'), {
    kind: 'index',
    target: x,
    items: [
      { kind: 'ellipsis' },
      { kind: 'slice', start: 1, stop: 3, step: null },
      { kind: 'slice', start: null, stop: null, step: -2 },
      { kind: 'newaxis' },
    ],
  });
  assert.equal(formatLambda(parseLambda('mean(x,axis=1)[:,0]')), 'mean(x, axis=1)[:, 0]');
});

test('errors give the 1-based column and what was expected', () => {
  assert.equal(parseError('x * '), "Lambda expression 'x * ' is incomplete at column 5: expected a number, x or a function call");
  assert.equal(parseError('x + * 2'), "Lambda expression 'x + * 2' has an unexpected '*' at column 5: expected a number, x or a function call");
  assert.equal(parseError('mean(x'), "Lambda expression 'mean(x' is incomplete at column 7: expected ',' or ')'");
  assert.equal(parseError('x )'), "Lambda expression 'x )' has an unexpected ')' at column 3: expected an operator or the end of the expression");
  assert.match(parseError('x # 2'), /unexpected character '#' at column 3/);
  assert.match(parseError('x[1.5]'), /at column 3: indices and slice bounds must be integers/);
  assert.match(parseError('x[::0]'), /slice step of 0/);
  assert.match(parseError('x[..., ...]'), /second '\.\.\.'/);
});

test('unknown functions suggest the closest name and list the allowed ones', () => {
  let error: UserError | undefined;
  try {
    parseLambda('x + maen(x)');
  } catch (e) {
    error = e as UserError;
  }
  assert.equal(error?.message, "Lambda expression 'x + maen(x)' calls unknown function 'maen' at column 5: did you mean mean?");
  assert.match(error?.hint ?? '', /^Allowed functions: abs, exp, .*concatenate, stack$/);
  assert.match(parseError('frobnicate(x)'), /at column 1: it is not one of the allowed functions$/);
});

test('unknown names, attributes and misuse are refused clearly', () => {
  assert.equal(parseError('y + 1'), "Lambda expression 'y + 1' uses unknown name 'y' at column 1: only x is defined");
  assert.match(parseError('x.shape[1]'), /attribute access 'x\.shape' at column 2: attributes are not supported/);
  assert.match(parseError('tf.reduce_mean(x)'), /attribute access 'tf\.reduce_mean'/);
  assert.match(parseError('relu + x'), /function 'relu' without calling it at column 1: write relu\(x\)/);
  assert.match(parseError('x(1)'), /calls x/);
  assert.match(parseError('x % 2'), /'%' \(modulo\) at column 3/);
  assert.match(parseError('0 < x < 1'), /chains comparisons at column 7/);
  assert.match(parseError('(1, 2) * x'), /tuple where a tensor is needed at column 1/);
  assert.match(parseError('None'), /None where a tensor is needed/);
});

test('argument errors name the function, the argument and the signature', () => {
  assert.match(parseError('clip(x, 0)'), /clip\(\) without its argument 'x_max' at column 1: expected clip\(x, x_min, x_max\)/);
  assert.match(parseError('mean(x, axs=1)'), /unknown argument 'axs' at column 9: did you mean axis\?/);
  assert.match(parseError('mean(x, axis=1.5)'), /bad 'axis' at column 9: expected an int, a tuple of ints or None/);
  assert.match(parseError('mean(x, axis=x)'), /bad 'axis'/);
  assert.match(parseError('clip(x, x, 1)'), /bad 'x_min' at column 9: expected a constant number/);
  assert.match(parseError('mean(x, 1, True, 2)'), /too many arguments at column 18/);
  assert.match(parseError('mean(x, axis=1, axis=2)'), /'axis' twice/);
  assert.match(parseError('mean(axis=1, x)'), /positional argument after a keyword argument at column 14/);
  assert.match(parseError('concatenate(x)'), /bad 'xs' at column 13: expected a list of tensor expressions/);
});

test('length and nesting limits stop pathological input quickly', () => {
  assert.match(parseError(`x${' + x'.repeat(MAX_SOURCE_LENGTH)}`), /too long: \d+ characters \(the limit is 1000\)/);
  assert.match(parseError(`${'('.repeat(MAX_NESTING_DEPTH + 1)}x${')'.repeat(MAX_NESTING_DEPTH + 1)}`), /nests too deeply at column 51/);
  assert.match(parseError('-'.repeat(200) + 'x'), /nests too deeply/);
  assert.match(parseError('abs('.repeat(60) + 'x' + ')'.repeat(60)), /nests too deeply/);
  assert.deepEqual(parseLambda(`${'('.repeat(MAX_NESTING_DEPTH)}x${')'.repeat(MAX_NESTING_DEPTH)}`), x);
  assert.match(parseError(''), /empty/);
});
