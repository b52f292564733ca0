/**
 * The golden corpus (test/golden/architectures/*.json, written by Keras) must exercise the whole
 * catalog: every argument of every layer with a non-default value in some Keras get_config(), every
 * activation, and every initializer, regularizer and constraint with each of its parameters.
 * What cannot appear is listed with the reason; where the reason is that klayers refuses the value,
 * the test checks that klayers does refuse it with a message naming the argument.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, LAYERS, OBJECT_FAMILIES } from '../../src/layers/index.js';
import type { ArgKind } from '../../src/layers/types.js';
import { loadGoldenArchitectures } from './architectures/golden-file.js';
import { configDifference, isSerializedObject, type KerasJson } from './architectures/keras-config.js';
import { refusalMessage } from './coverage/refusal.js';
import {
  ARGS_NOT_IN_KERAS_CONFIG,
  LAYERS_NOT_IN_CORPUS,
  OBJECT_PARAMS_NOT_IN_KERAS_CONFIG,
  OBJECT_PARAMS_REFUSED,
  REFUSED_ARGS,
  REFUSED_VALUES,
} from './coverage/exclusions.js';

const goldens = loadGoldenArchitectures();
const layers = goldens.flatMap((g) => g.layers);

/** Every serialized Keras object (initializer, regularizer, constraint) in any layer config. */
function kerasObjects(): { class_name: string; config: Record<string, KerasJson> }[] {
  const found: { class_name: string; config: Record<string, KerasJson> }[] = [];
  const walk = (v: KerasJson): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      if (isSerializedObject(v)) found.push(v);
      Object.values(v).forEach(walk);
    }
  };
  layers.forEach((l) => walk(l.config as KerasJson));
  return found;
}

test('every layer argument has a non-default value in some Keras golden config (or a stated reason)', () => {
  const missing: string[] = [];
  for (const spec of LAYERS) {
    if (spec.className === 'InputLayer' || spec.className in LAYERS_NOT_IN_CORPUS) continue;
    const ofClass = layers.filter((l) => l.class_name === spec.className);
    assert.ok(ofClass.length > 0, `no golden model has a ${spec.className}`);
    for (const arg of spec.args) {
      const key = `${spec.className}.${arg.name}`;
      if (key in REFUSED_ARGS || `*.${arg.name}` in REFUSED_ARGS || key in ARGS_NOT_IN_KERAS_CONFIG || `*.${arg.name}` in ARGS_NOT_IN_KERAS_CONFIG) continue;
      const covered = ofClass.some((l) => arg.name in l.config && configDifference(arg.default, l.config[arg.name]!) !== null);
      if (!covered) missing.push(key);
    }
  }
  assert.deepEqual(missing, [], `arguments no golden model sets to a non-default value:\n  ${missing.join('\n  ')}`);
});

test('every Input argument is exercised: shape, batch_size, batch_shape, dtype, optional', () => {
  const inputs = goldens.filter((g) => g.input !== null);
  const lineWith = (kw: string) => goldens.find((g) => g.lines.some((line) => /Input\(/.test(line) && line.includes(`${kw}=`)));
  assert.ok(lineWith('shape'), 'no golden types Input(shape=...)');
  for (const kw of ['batch_size', 'batch_shape']) {
    const g = lineWith(kw);
    assert.ok(g && Array.isArray(g.input?.['batch_shape']) && (g.input!['batch_shape'] as KerasJson[])[0] !== null, `no golden fixes the batch size with ${kw}=`);
  }
  assert.ok(inputs.some((g) => g.input!['dtype'] === 'int32'), 'no golden has an int32 Input');
  assert.ok(inputs.some((g) => g.input!['optional'] === true), 'no golden has an optional Input');
});

test('every activation klayers accepts appears in a golden model; the others are refused by name', async () => {
  const used = new Set(layers.flatMap((l) => [l.config['activation'], l.config['recurrent_activation']]));
  const missing = ACTIVATIONS.filter((a) => !used.has(a) && !(a in REFUSED_VALUES.activation));
  assert.deepEqual(missing, [], `activations in no golden model: ${missing.join(', ')}`);
  for (const [name, why] of Object.entries(REFUSED_VALUES.activation)) {
    assert.ok(!used.has(name), `${name} is listed as refused but a golden model uses it`);
    const message = await refusalMessage(['Input(shape=(4,))', `Dense(2, activation='${name}')`]);
    assert.ok(message?.includes(`activation='${name}'`), `${name} (${why}): expected a refusal naming activation='${name}', got ${message}`);
  }
});

test('every initializer, regularizer and constraint appears, each parameter once with a non-default value', async () => {
  const objects = kerasObjects();
  const missing: string[] = [];
  for (const kind of ['initializer', 'regularizer', 'constraint'] as ArgKind[]) {
    for (const spec of OBJECT_FAMILIES[kind]!.objects) {
      if (OBJECT_PARAMS_REFUSED[`${spec.className}.*`]) continue;
      const uses = objects.filter((o) => o.class_name === spec.className);
      if (uses.length === 0) missing.push(spec.className);
      for (const p of spec.params) {
        const key = `${spec.className}.${p.name}`;
        if (OBJECT_PARAMS_REFUSED[key] || OBJECT_PARAMS_REFUSED[`*.${p.name}`] || OBJECT_PARAMS_NOT_IN_KERAS_CONFIG[key]) continue;
        if (!uses.some((o) => p.name in o.config && configDifference(p.default, o.config[p.name]!) !== null)) missing.push(`${spec.className}.${p.name}`);
      }
    }
  }
  assert.deepEqual(missing, [], `never given a non-default value by a golden model:\n  ${missing.join('\n  ')}`);
  for (const [key, { line, names }] of Object.entries(OBJECT_PARAMS_REFUSED)) {
    const message = await refusalMessage(['Input(shape=(4,))', line]);
    assert.ok(message?.includes(names), `${key}: expected a refusal naming ${names}, got ${message}`);
  }
});

test('arguments klayers refuses are refused with a message naming the argument', async () => {
  for (const [key, { lines, why }] of Object.entries(REFUSED_ARGS)) {
    const arg = key.split('.')[1]!;
    const message = await refusalMessage(lines);
    assert.ok(message?.includes(arg), `${key} (${why}): expected a refusal naming ${arg}, got ${message}`);
  }
});

test('the stated exclusions are real: their arguments exist in the catalog', () => {
  const known = new Set(LAYERS.flatMap((s) => s.args.map((a) => `${s.className}.${a.name}`)));
  const names = new Set(LAYERS.flatMap((s) => s.args.map((a) => `*.${a.name}`)));
  for (const key of [...Object.keys(REFUSED_ARGS), ...Object.keys(ARGS_NOT_IN_KERAS_CONFIG)]) {
    assert.ok(known.has(key) || names.has(key), `exclusion ${key} names no catalog argument`);
  }
  for (const cls of Object.keys(LAYERS_NOT_IN_CORPUS)) assert.ok(LAYERS.some((s) => s.className === cls), `${cls} is not in the catalog`);
});
