import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findLayerSpec, formatLayerCall, LAYERS, resolveLayerCall, updateLayerArgs,
} from '../../src/layers/index.js';
import { parseCall, throwsUserError } from './helpers.js';
import { repoRoot } from '../helpers/repo-root.js';

/**
 * The contract every layer in the catalog keeps: documented, resolvable from a minimal call,
 * printable as a Keras call that parses back to the same arguments, shapes and weights equal to
 * what Keras builds (test/golden/layer-defaults.json), did-you-mean on misspelt arguments.
 */
interface GoldenLayer {
  call: string;
  input?: (number | null)[];
  output?: (number | null)[];
  weights?: { name: string; shape: number[]; trainable: boolean }[];
}
const golden = JSON.parse(readFileSync(join(repoRoot(), 'test', 'golden', 'layer-defaults.json'), 'utf8')) as {
  layers: Record<string, GoldenLayer>;
};

/** Calls with several non-default arguments per layer, for the round trip. */
const RICH_CALLS: Record<string, string> = {
  InputLayer: "Input(shape=(28, 28, 1), dtype='int32', name='pixels')",
  Dense: "Dense(64, activation='relu', use_bias=False, kernel_initializer=initializers.HeNormal(seed=1), kernel_regularizer=regularizers.l2(0.001), kernel_constraint=max_norm(3), trainable=False, name='hidden')",
  Activation: "Activation('swish')",
  Dropout: 'Dropout(0.25, noise_shape=(None, 1), seed=7)',
  Flatten: "Flatten(data_format='channels_first')",
  Reshape: 'Reshape((-1, 2))',
  Permute: "Permute((2, 1), dtype='float64')",
  Masking: 'Masking(mask_value=-1.0)',
  Lambda: "Lambda('x * 2', output_shape=(3,))",
  Conv1D: "Conv1D(8, 5, strides=2, padding='same', activation='relu')",
  Conv2D: "Conv2D(16, (3, 5), padding='same', dilation_rate=2, bias_initializer=Constant(0.1))",
  MaxPooling1D: "MaxPooling1D(3, strides=1, padding='same')",
  MaxPooling2D: 'MaxPooling2D((2, 2), strides=(1, 1))',
  AveragePooling1D: "AveragePooling1D(2, padding='same')",
  AveragePooling2D: "AveragePooling2D(3, data_format='channels_first')",
  SimpleRNN: 'SimpleRNN(8, return_sequences=True, dropout=0.1)',
  LSTM: 'LSTM(16, return_state=True, recurrent_initializer=initializers.Orthogonal(gain=0.5, seed=3), unit_forget_bias=False)',
};

test('there are 17 layers and every one has golden data and a rich call', () => {
  assert.equal(LAYERS.length, 17);
  for (const spec of LAYERS) {
    assert.ok(golden.layers[spec.className], `golden for ${spec.className}`);
    assert.ok(RICH_CALLS[spec.className], `rich call for ${spec.className}`);
  }
});

for (const spec of LAYERS) {
  const name = spec.className;
  const g = golden.layers[name]!;

  test(`${name}: documented, positional names are arguments, names unique`, () => {
    assert.ok(spec.doc.length > 20, 'layer doc');
    assert.match(spec.baseName, /^[a-z][a-z0-9_]*$/);
    for (const a of spec.args) assert.ok(a.doc.trim().length > 5, `${name}.${a.name} doc`);
    const names = spec.args.map((a) => a.name);
    assert.equal(new Set(names).size, names.length, 'duplicate argument');
    for (const p of spec.positional) assert.ok(names.includes(p), `positional ${p}`);
    assert.ok(!names.includes('name'), 'name is returned separately');
  });

  test(`${name}: minimal call resolves with every argument present`, () => {
    const r = resolveLayerCall(parseCall(g.call));
    assert.equal(r.spec.className, name);
    assert.deepEqual(Object.keys(r.args).sort(), spec.args.map((a) => a.name).sort());
    assert.equal(r.name, null);
  });

  test(`${name}: formatLayerCall parses back to the same args (minimal and rich)`, () => {
    for (const text of [g.call, RICH_CALLS[name]!]) {
      const first = resolveLayerCall(parseCall(text));
      const printed = formatLayerCall(first.spec, first.args, first.name);
      const again = resolveLayerCall(parseCall(printed));
      assert.deepEqual(again.args, first.args, `${text} -> ${printed}`);
      assert.equal(again.name, first.name);
      assert.equal(formatLayerCall(again.spec, again.args, again.name), printed, 'formatting is stable');
    }
  });

  test(`${name}: updateLayerArgs with the same values changes nothing`, () => {
    const { args } = resolveLayerCall(parseCall(RICH_CALLS[name]!));
    assert.deepEqual(updateLayerArgs(spec, args, { ...args }), args);
  });

  if (g.input) {
    test(`${name}: output shape and weights for ${JSON.stringify(g.input)} match Keras`, () => {
      const { args } = resolveLayerCall(parseCall(g.call));
      assert.deepEqual(spec.outputShape(g.input!, args), g.output);
      assert.deepEqual(spec.weights(g.input!, args), g.weights);
    });
  }

  test(`${name}: a misspelt argument is refused with did-you-mean`, () => {
    const target = [...spec.args].sort((a, b) => b.name.length - a.name.length)[0]!.name;
    const typo = `${target.slice(0, -1)}q`;
    const text = g.call.replace(/\)$/, `${g.call.endsWith('()') ? '' : ', '}${typo}=1)`);
    throwsUserError(() => resolveLayerCall(parseCall(text)), `Unknown argument '${typo}' for`, `Did you mean '${target}'?`);
  });
}

test('findLayerSpec accepts the module paths Keras users write', () => {
  for (const n of ['Dense', 'layers.Dense', 'keras.layers.Dense', 'tf.keras.layers.Dense']) {
    assert.equal(findLayerSpec(n)?.className, 'Dense', n);
  }
  for (const n of ['Input', 'keras.Input', 'layers.Input', 'InputLayer', 'keras.layers.InputLayer']) {
    assert.equal(findLayerSpec(n)?.className, 'InputLayer', n);
  }
  assert.equal(findLayerSpec('torch.nn.Dense'), undefined);
  assert.equal(findLayerSpec('keras.Dense'), undefined);
  assert.equal(findLayerSpec('Dence'), undefined);
});
