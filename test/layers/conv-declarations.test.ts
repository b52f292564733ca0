import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCall, isTuple, type Value } from '../../src/lang/ast.js';
import { golden, specs } from './conv-rnn-golden.js';

/**
 * The declarations of Conv1D/2D, the four pooling layers, SimpleRNN and LSTM against Keras 3:
 * names, signature order and get_config() defaults (golden file from the real package).
 */

/** A declared default as the JSON Keras's get_config() would give (Tuple -> list). */
function asConfig(value: Value): unknown {
  if (isTuple(value)) return value.items.map(asConfig);
  if (isCall(value)) return { class_name: value.name, config: value.kwargs };
  return value;
}

// Keras 3.15 added these GlorotUniform config keys; our normalized initializers follow the
// project's agreed `GlorotUniform(seed=None)` form, so they are the only keys allowed to be missing.
const ignoredInitializerKeys = new Set(['input_axes', 'output_axes']);

for (const [className, kerasConfig] of Object.entries(golden.defaults)) {
  const spec = specs[className]!;
  const signature = golden.signatures[className]!;

  test(`${className}: class name, auto-name prefix and positional order are Keras's`, () => {
    assert.equal(spec.className, className);
    assert.equal(spec.baseName, kerasConfig.name);
    assert.deepEqual(spec.positional, signature);
    assert.deepEqual(spec.args.slice(0, signature.length).map((a) => a.name), signature);
    for (const a of spec.args) assert.ok(a.doc.length > 10, `${className}.${a.name} has a doc line`);
    assert.ok(spec.doc.length > 40);
  });

  test(`${className}: every get_config() key is declared with Keras's default`, () => {
    const declared = new Map(spec.args.map((a) => [a.name, a]));
    for (const [key, kerasValue] of Object.entries(kerasConfig)) {
      if (key === 'name') continue;
      const decl = declared.get(key);
      assert.ok(decl, `${className} declares ${key}`);
      if (decl.required) continue;
      const ours = asConfig(decl.default);
      if (key === 'strides' && className.includes('Pooling')) {
        // Keras fills strides=None with pool_size in the config; we keep None and derive it.
        assert.equal(ours, null);
        assert.deepEqual(kerasValue, kerasConfig.pool_size);
      } else if (typeof kerasValue === 'object' && kerasValue !== null && 'class_name' in kerasValue) {
        const k = kerasValue as { class_name: string; config: Record<string, unknown> };
        const expected = Object.fromEntries(Object.entries(k.config).filter(([n]) => !ignoredInitializerKeys.has(n)));
        assert.deepEqual(ours, { class_name: k.class_name, config: expected }, `${className}.${key}`);
      } else {
        assert.deepEqual(ours, kerasValue, `${className}.${key}`);
      }
    }
  });

  test(`${className}: declares nothing Keras does not accept`, () => {
    const known = new Set([...signature, ...Object.keys(kerasConfig), 'implementation']);
    for (const a of spec.args) assert.ok(known.has(a.name), `${className}.${a.name} is a Keras argument`);
    if (className !== 'LSTM') assert.ok(!spec.args.some((a) => a.name === 'implementation'));
  });
}

test('required arguments are the ones Keras requires', () => {
  const required = Object.fromEntries(Object.values(specs).map((s) => [s.className, s.args.filter((a) => a.required).map((a) => a.name)]));
  assert.deepEqual(required, {
    Conv1D: ['filters', 'kernel_size'],
    Conv2D: ['filters', 'kernel_size'],
    MaxPooling1D: [],
    MaxPooling2D: [],
    AveragePooling1D: ['pool_size'],
    AveragePooling2D: ['pool_size'],
    SimpleRNN: ['units'],
    LSTM: ['units'],
  });
});

test('padding choices: causal only for Conv1D', () => {
  const choices = (name: string) => specs[name]!.args.find((a) => a.name === 'padding')!.choices;
  assert.deepEqual(choices('Conv1D'), ['valid', 'same', 'causal']);
  assert.deepEqual(choices('Conv2D'), ['valid', 'same']);
  assert.deepEqual(choices('MaxPooling1D'), ['valid', 'same']);
});
