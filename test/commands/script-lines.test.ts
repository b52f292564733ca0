import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../src/commands/context.js';
import { createSession } from '../../src/session/klayers-session.js';
import { run } from '../helpers/run.js';
import { stubEngine } from '../helpers/stub-engine.js';

const fresh = () => createContext({ columns: 100, session: createSession({ engine: stubEngine() }) });

async function lines(ctx: ReturnType<typeof fresh>, ...sources: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const source of sources) {
    const r = await run(ctx, source);
    assert.ok(r.ok, `${source}: ${r.text}`);
    out.push(r.text);
  }
  return out;
}

test('module constants and arithmetic on them reach the layers as their values', async () => {
  const ctx = fresh();
  await lines(ctx, 'num_classes = 10', 'input_shape = (28, 28, 1)', 'hidden = 2 * num_classes + 4 // 3', 'Input(shape=input_shape)', 'Flatten()', 'Dense(hidden)', 'Dense(num_classes ** 2 - 90)');
  const [summary] = await lines(ctx, 'summary');
  assert.match(summary!, /dense \(Dense\)\s+│ \(None, 21\)/);
  assert.match(summary!, /dense_1 \(Dense\)\s+│ \(None, 10\)/);
  const [printed] = await lines(ctx, 'print("shape:", input_shape[1:] + (3,), len(input_shape), hidden / 2)');
  assert.equal(printed, 'shape: (28, 1, 3) 3 10.5');
});

test('print(model.summary()) prints the summary, then None, as Python does', async () => {
  const ctx = fresh();
  await lines(ctx, 'net = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])');
  const [out] = await lines(ctx, 'print(net.summary())');
  assert.match(out!, /Model: "sequential"[\s\S]*Non-trainable params: 0 \(0\.00 B\)\nNone$/);
});

test('lines that need Python data are noted, and a later use of their names says why', async () => {
  const ctx = fresh();
  const [load, fit, loop] = await lines(ctx, '(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()', 'model.fit(x_train, y_train, epochs=3)', 'for i in range(3):\n    model.add(layers.Dense(4))');
  assert.match(load!, /^Not run: .* loads data in Python \(keras\.datasets\.mnist\.load_data\)/);
  assert.match(fit!, /^Not run: model\.fit\(x_train, y_train, \.\.\.\) works on Python arrays/);
  assert.match(loop!, /^Not run: for i in range\(3\): is a loop/);
  const refused = await run(ctx, 'Input(shape=x_train.shape[1:])');
  assert.equal(refused.ok, false);
  assert.match(refused.text, /x_train/);
});

test('a refused line leaves the constants and the model names as they were', async () => {
  const ctx = fresh();
  const refused = await run(ctx, 'net = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2), layers.Conv2D(2, 3)])');
  assert.equal(refused.ok, false);
  const [after] = await lines(ctx, 'net.summary()');
  assert.match(after!, /^Not run: net\.summary/, 'net did not become the model');
});

test('a layer outside the catalog is named wherever it stands', async () => {
  const ctx = fresh();
  const inList = await run(ctx, 'model = keras.Sequential([\n    keras.Input(shape=(4,)),\n    layers.Dense(3),\n    layers.BatchNormalization(),\n])');
  assert.equal(inList.ok, false);
  assert.match(inList.text, /layers\.BatchNormalization/);
});

test('Python lambdas are the Lambda expression language; the string form stays', async () => {
  const ctx = fresh();
  await lines(ctx, 'Input(shape=(2, 20))', 'Lambda(lambda x: x / 255.0)', "Lambda('x * 2')", 'Lambda(lambda t, scale=2.0: t * scale)', 'Lambda(lambda x: keras.ops.reshape(x, (-1, 40)))');
  const [summary] = await lines(ctx, 'summary');
  assert.match(summary!, /lambda_3 \(Lambda\)\s+│ \(None, 40\)/);
});
