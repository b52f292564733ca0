import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshContext, run, runAll } from '../helpers/run.js';
import { NO_KERAS, runPython } from './python.js';
import { repoRoot } from '../helpers/repo-root.js';

/** The model of golden/keras-json.py, typed into klayers. */
const MODEL_LINES = [
  'Input(shape=(12, 3))',
  "Conv1D(4, 3, padding='same', activation='relu', kernel_regularizer=L2(0.01))",
  'MaxPooling1D(2)',
  'LSTM(5, return_sequences=True, recurrent_dropout=0.1)',
  'Flatten()',
  "Dense(16, activation='relu', kernel_initializer=HeNormal(seed=7), kernel_constraint=MaxNorm(3))",
  'Dropout(0.25, seed=1)',
  "Dense(3, activation='softmax', name='head')",
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

async function exportedJson(lines: readonly string[]): Promise<{ json: Json; text: string; total: number }> {
  const ctx = freshContext();
  await runAll(ctx, lines);
  const r = await run(ctx, 'export json');
  assert.ok(r.ok, r.text);
  const a = ctx.session.model.analysis();
  const start = r.text.indexOf('{');
  const end = r.text.lastIndexOf('}');
  return { json: JSON.parse(r.text.slice(start, end + 1)), text: r.text, total: a.trainableParams + a.nonTrainableParams };
}

/** Compares two configs where both have a key; returns the paths that differ. */
function differences(ours: Json, keras: Json, path: string, out: string[]): string[] {
  if (ours !== null && keras !== null && typeof ours === 'object' && typeof keras === 'object') {
    if (Array.isArray(ours) !== Array.isArray(keras)) out.push(`${path}: list vs object`);
    else if (Array.isArray(ours) && Array.isArray(keras)) {
      if (ours.length !== keras.length) out.push(`${path}: ${ours.length} items vs ${keras.length}`);
      else ours.forEach((v, i) => differences(v, (keras as Json[])[i]!, `${path}[${i}]`, out));
    } else {
      const k = keras as { [k: string]: Json };
      for (const key of Object.keys(ours as object)) if (key in k) differences((ours as { [k: string]: Json })[key]!, k[key]!, `${path}.${key}`, out);
    }
  } else if (ours !== keras) out.push(`${path}: ${JSON.stringify(ours)} vs Keras ${JSON.stringify(keras)}`);
  return out;
}

const layerConfigs = (j: Json) => ((j as { config: { layers: { class_name: string; config: { [k: string]: Json } }[] } }).config.layers);

test('export json agrees with Keras model.to_json() field by field', async () => {
  const golden = JSON.parse(readFileSync(join(repoRoot(), 'test', 'export', 'golden', 'keras-json-model.json'), 'utf8')) as Json;
  const { json } = await exportedJson(MODEL_LINES);
  assert.deepEqual(differences(json, golden, '$', []), []);
  const ours = layerConfigs(json);
  const theirs = layerConfigs(golden);
  assert.deepEqual(ours.map((l) => l.class_name), theirs.map((l) => l.class_name));
  // The same keys, no more and no fewer.
  ours.forEach((l, i) => {
    const missing = Object.keys(theirs[i]!.config).filter((k) => !(k in l.config));
    assert.deepEqual(missing, [], `${l.class_name}: keys Keras has and klayers lacks`);
    const extra = Object.keys(l.config).filter((k) => !(k in theirs[i]!.config));
    assert.deepEqual(extra, [], `${l.class_name}: keys klayers adds`);
  });
});

test('export json warns that Keras cannot rebuild a Lambda from JSON, and carries its ops text', async () => {
  const { json, text } = await exportedJson(['Input(shape=(3,))', "Lambda('x * 2')"]);
  assert.match(text, /Warning: Lambda 'lambda': Keras stores a Python function's bytecode/);
  const fn = layerConfigs(json)[1]!.config['function'] as { config: { python: string } };
  assert.equal(fn.config.python, 'lambda x: x * 2');
});

test('Keras rebuilds the exported JSON with model_from_json and counts the same parameters', { skip: NO_KERAS }, async () => {
  const { json, total } = await exportedJson(MODEL_LINES);
  const code = `import keras\nm = keras.models.model_from_json(${JSON.stringify(JSON.stringify(json))})\nprint(m.count_params(), [l.name for l in m.layers])`;
  assert.equal(runPython(code).trim(), `${total} ['conv1d', 'max_pooling1d', 'lstm', 'flatten', 'dense', 'dropout', 'head']`);
  assert.equal(total, 787); // golden/keras-json.py printed 787
});
