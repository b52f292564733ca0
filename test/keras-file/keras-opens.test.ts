/**
 * Files klayers writes, opened by real Keras 3 (/tmp/kvenv): `keras.saving.load_model` with no
 * custom objects predicts what klayers predicts, carries the optimizer state (the next
 * train_on_batch in Keras is klayers's next step), and `load_weights` reads FILE.weights.h5.
 * Skipped, saying why, where the Keras venv is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_KERAS, runPython } from '../export/python.js';
import { freshContext, runAll } from '../helpers/run.js';
import type { CommandContext } from '../../src/commands/types.js';

if (NO_KERAS) console.log(`# skipping the Keras round trips: ${NO_KERAS}`);

const ROWS = [
  [5.1, 3.5, 1.4, 0.2, 'setosa'],
  [7.0, 3.2, 4.7, 1.4, 'versicolor'],
  [6.3, 3.3, 6.0, 2.5, 'virginica'],
  [4.9, 3.0, 1.4, 0.2, 'setosa'],
  [6.4, 3.2, 4.5, 1.5, 'versicolor'],
  [5.8, 2.7, 5.1, 1.9, 'virginica'],
] as const;
const X = ROWS.flatMap((r) => r.slice(0, 4) as number[]);
const Y = ROWS.flatMap((r) => ['setosa', 'versicolor', 'virginica'].map((c) => (c === r[4] ? 1 : 0)));

async function predict(ctx: CommandContext, x: readonly number[], features: readonly number[]): Promise<number[]> {
  const rows = x.length / features.reduce((a, b) => a * b, 1);
  const out = await ctx.session.engine.predict(ctx.session.model.plan(), Float32Array.from(x), rows, features, null);
  return [...out.values];
}

const weightsOf = (ctx: CommandContext) => (ctx.session.engine.currentWeights(ctx.session.model.plan()) ?? []).flatMap((l) => l.arrays.map((a) => [...a]));

test('Keras load_model opens a trained klayers .keras: same predictions, and its next step is klayers\'s next step', { skip: NO_KERAS }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-keras-'));
  const ctx = freshContext();
  await runAll(ctx, ['seed 1', 'load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", "compile(optimizer='adam', loss='categorical_crossentropy')", 'fit epochs=2 verbose=0', `save model ${join(dir, 'iris.keras')}`, `save weights ${join(dir, 'iris.weights.h5')}`]);
  const before = await predict(ctx, X, [4]);
  writeFileSync(join(dir, 'rows.csv'), ['a,b,c,d,species', ...ROWS.map((r) => r.join(','))].join('\n') + '\n');
  await runAll(ctx, [`load ${join(dir, 'rows.csv')} target=species scale='none' validation=0 test=0`, 'fit epochs=1 batch_size=6 verbose=0']);
  writeFileSync(join(dir, 'klayers.json'), JSON.stringify({ x: X, y: Y, before, after: weightsOf(ctx) }));
  const out = runPython(`
import json, numpy as np, keras
k = json.load(open("klayers.json"))
x = np.array(k["x"], "float32").reshape(6, 4); y = np.array(k["y"], "float32").reshape(6, 3)
m = keras.saving.load_model("iris.keras")
worst = lambda a, b: float(np.max(np.abs(np.asarray(a, "float64").ravel() - np.asarray(b, "float64").ravel())))
print("predict", worst(m.predict(x, verbose=0), k["before"]))
print("iterations", int(m.optimizer.iterations))
m.train_on_batch(x, y)
print("step", max(worst(w, a) for w, a in zip(m.weights, k["after"])))
m2 = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(3, activation="softmax")])
m2.load_weights("iris.weights.h5")
print("weights", worst(m2.predict(x, verbose=0), k["before"]))
`, dir);
  const value = (key: string) => Number(new RegExp(`^${key} (\\S+)$`, 'm').exec(out)?.[1]);
  assert.ok(value('predict') <= 1e-5, out);
  assert.equal(value('iterations'), 8, out); // 2 epochs of 4 batches
  assert.ok(value('step') <= 1e-5, out);
  assert.ok(value('weights') <= 1e-5, out);
});

test('Keras load_model opens klayers .keras files of conv, pooling, reshape and recurrent layers', { skip: NO_KERAS }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-keras-'));
  const models: Record<string, { lines: string[]; features: number[] }> = {
    conv2d: { lines: ['Input(shape=(6, 6, 1))', "Conv2D(2, (3, 3), activation='relu', padding='same')", 'MaxPooling2D((2, 2))', 'Conv2D(2, 2)', 'AveragePooling2D(2)', 'Flatten()', "Dense(2, activation='softmax')"], features: [6, 6, 1] },
    conv1d: { lines: ['Input(shape=(12, 2))', 'Permute((2, 1))', 'Reshape((12, 2))', "Conv1D(3, 3, activation='tanh')", 'MaxPooling1D(2)', 'AveragePooling1D(2)', 'Flatten()', 'Dense(1)'], features: [12, 2] },
    rnn: { lines: ['Input(shape=(5, 3))', 'Masking(0.0)', 'SimpleRNN(3, return_sequences=True)', 'LSTM(2)', 'Dense(1)'], features: [5, 3] },
  };
  const expected: Record<string, { x: number[]; y: number[] }> = {};
  for (const [name, m] of Object.entries(models)) {
    const ctx = freshContext();
    await runAll(ctx, ['seed 2', ...m.lines, `save model ${join(dir, `${name}.keras`)}`]);
    const n = 2 * m.features.reduce((a, b) => a * b, 1);
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.7));
    expected[name] = { x, y: await predict(ctx, x, m.features) };
  }
  writeFileSync(join(dir, 'klayers.json'), JSON.stringify({ expected, shapes: Object.fromEntries(Object.entries(models).map(([k, v]) => [k, v.features])) }));
  const out = runPython(`
import json, numpy as np, keras
k = json.load(open("klayers.json"))
for name, e in k["expected"].items():
    m = keras.saving.load_model(name + ".keras")
    x = np.array(e["x"], "float32").reshape(2, *k["shapes"][name])
    print(name, float(np.max(np.abs(m.predict(x, verbose=0).ravel() - np.array(e["y"])))))
`, dir);
  for (const name of Object.keys(models)) assert.ok(Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(out)?.[1]) <= 1e-5, out);
});

test('every optimizer\'s slots go where Keras looks for them: Keras\'s next step from a klayers file is klayers\'s', { skip: NO_KERAS }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-keras-'));
  writeFileSync(join(dir, 'rows.csv'), ['a,b,c,d,species', ...ROWS.map((r) => r.join(','))].join('\n') + '\n');
  const optimizers = {
    amsgrad: 'Adam(learning_rate=0.01, amsgrad=True)',
    rmsprop: 'RMSprop(learning_rate=0.01, momentum=0.5, centered=True)',
    sgd: 'SGD(learning_rate=0.05, momentum=0.9, nesterov=True)',
    adagrad: 'Adagrad(learning_rate=0.05)',
  };
  const after: Record<string, number[][]> = {};
  for (const [name, optimizer] of Object.entries(optimizers)) {
    const ctx = freshContext();
    await runAll(ctx, ['seed 5', 'load builtin:iris', "Dense(4, activation='tanh', trainable=False)", "Dense(5, activation='relu')", "Dense(3, activation='softmax')", `compile(optimizer=${optimizer}, loss='categorical_crossentropy')`, 'fit epochs=1 verbose=0', `save model ${join(dir, `${name}.keras`)}`]);
    await runAll(ctx, [`load ${join(dir, 'rows.csv')} target=species scale='none' validation=0 test=0`, 'fit epochs=1 batch_size=6 verbose=0']);
    after[name] = weightsOf(ctx);
  }
  writeFileSync(join(dir, 'klayers.json'), JSON.stringify({ x: X, y: Y, after }));
  const out = runPython(`
import json, numpy as np, keras
k = json.load(open("klayers.json"))
x = np.array(k["x"], "float32").reshape(6, 4); y = np.array(k["y"], "float32").reshape(6, 3)
for name, expected in k["after"].items():
    m = keras.saving.load_model(name + ".keras")
    m.train_on_batch(x, y)
    print(name, int(m.optimizer.iterations), max(float(np.max(np.abs(np.asarray(w).ravel() - np.array(e)))) for w, e in zip(m.weights, expected)))
`, dir);
  for (const name of Object.keys(optimizers)) {
    const m = new RegExp(`^${name} (\\d+) (\\S+)$`, 'm').exec(out);
    assert.equal(m?.[1], '5', out); // 4 batches of iris, then the step here
    assert.ok(Number(m?.[2]) <= 1e-5, out);
  }
});
