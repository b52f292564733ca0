import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParamStore } from '../../src/session-file/params.js';
import { parseLine } from '../../src/lang/index.js';
import { UserError } from '../../src/core/user-error.js';

test('$name becomes the value as a literal; quoted text and comments are left alone', () => {
  const p = new ParamStore();
  p.declare('epochs', 20);
  p.declare('act', 'relu');
  p.declare('shape', { kind: 'tuple', items: [8, 8, 1] });
  assert.equal(p.expand('fit epochs=$epochs'), 'fit epochs=20');
  assert.equal(p.expand('Dense(4, activation=$act)'), "Dense(4, activation='relu')");
  assert.equal(p.expand('load builtin:digits reshape=$shape'), 'load builtin:digits reshape=(8, 8, 1)');
  assert.equal(p.expand("Lambda('x * $epochs')  # $epochs"), "Lambda('x * $epochs')  # $epochs");
});

test('-p overrides win over the declared default', () => {
  const p = new ParamStore();
  p.setOverrides(new Map([['epochs', 5]]));
  assert.deepEqual(p.declare('epochs', 20), { value: 5, overridden: true });
  assert.equal(p.expand('fit epochs=$epochs'), 'fit epochs=5');
});

test('an undeclared $name is an error naming the declared ones', () => {
  const p = new ParamStore();
  p.declare('epochs', 20);
  assert.throws(() => p.expand('fit epochs=$epoch'), (e: unknown) => e instanceof UserError && e.message === 'Unknown parameter $epoch.' && e.hint === 'Declared so far: $epochs.');
});

test('a value can only ever be one value: a string with code-like text stays one quoted string', () => {
  const p = new ParamStore();
  p.declare('name', "x') ; __import__('os')");
  const line = p.expand('rename 1 $name');
  const parsed = parseLine(line);
  assert.ok(parsed.ok && parsed.line.kind === 'command');
  assert.deepEqual(parsed.ok && parsed.line.kind === 'command' ? parsed.line.args : null, [1, "x') ; __import__('os')"]);
});
