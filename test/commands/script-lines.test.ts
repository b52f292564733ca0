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
  assert.match(inList.text, /Unknown layer 'BatchNormalization'/);
});

test('Python lambdas are the Lambda expression language; the string form stays', async () => {
  const ctx = fresh();
  await lines(ctx, 'Input(shape=(2, 20))', 'Lambda(lambda x: x / 255.0)', "Lambda('x * 2')", 'Lambda(lambda t, scale=2.0: t * scale)', 'Lambda(lambda x: keras.ops.reshape(x, (-1, 40)))');
  const [summary] = await lines(ctx, 'summary');
  assert.match(summary!, /lambda_3 \(Lambda\)\s+│ \(None, 40\)/);
});

test('Python tuple assignment of plain data sets each name, as Python unpacks it', async () => {
  const ctx = fresh();
  const [assigned] = await lines(ctx, 'img_rows, img_cols = 28, 28', '(channels) = 1', 'batch, = 32,');
  assert.equal(assigned, '');
  const [printed] = await lines(ctx, 'print(img_rows * img_cols, batch)');
  assert.equal(printed, '784 32');
  await lines(ctx, 'Input(shape=(img_rows, img_cols, 1))', 'Flatten()');
  const [summary] = await lines(ctx, 'summary');
  assert.match(summary!, /flatten \(Flatten\)\s+│ \(None, 784\)/);
});

test('names set inside an if block or a loop are not run, and a later use names the block', async () => {
  const ctx = fresh();
  const [block] = await lines(ctx, "if K.image_data_format() == 'channels_first':\n    input_shape = (1, 28, 28)\nelse:\n    input_shape = (28, 28, 1)");
  assert.match(block!, /^Not run: if K\.image_data_format\(\) == 'channels_first': is a Python 'if' statement/);
  const used = await run(ctx, 'model.add(Conv2D(32, (3, 3), input_shape=input_shape))');
  assert.equal(used.ok, false);
  assert.match(used.text, /input_shape has no value in klayers: it is set inside the Python statement 'if K\.image_data_format\(\) == 'channels_first':'/);
});

test("calls to the script's own functions and Python that klayers cannot read are noted, and the script goes on", async () => {
  const ctx = fresh();
  const out = await lines(
    ctx,
    'def show(data):\n    plt.plot(data)',
    'show(df)',
    '(x_train, x_val) = x[:split_at], x[split_at:]',
    'y_train[y_train == -1] = 0',
    'features.index = df[date_time_key]',
    'plt.plot([t for t in x])',
    'Input(shape=(3,))',
  );
  assert.match(out[1]!, /^Not run: show\(\.\.\.\)/);
  assert.match(out[2]!, /^Not run: \(x_train, x_val\) = \.\.\. unpacks Python values/);
  assert.match(out[3]!, /^Not run: y_train\[y_train == -1\] = \.\.\./);
  assert.match(out[5]!, /^Not run: plt\.plot\(\.\.\.\) is Python klayers does not read/);
  const later = await run(ctx, 'Dense(x_val)');
  assert.equal(later.ok, false);
  assert.match(later.text, /x_val has no value in klayers/);
});

test("the model's own lines still show their syntax error", async () => {
  const ctx = fresh();
  const r = await run(ctx, "model.add(Dense(32 activation='relu'))");
  assert.equal(r.ok, false);
  assert.match(r.text, /SyntaxError/);
});

test('a name bound to a layer class builds that layer; a layer class the script defines is named', async () => {
  const ctx = fresh();
  await lines(ctx, 'RNN = layers.LSTM', 'model = keras.Sequential()', 'model.add(RNN(8, input_shape=(5, 3)))');
  const [summary] = await lines(ctx, 'summary');
  assert.match(summary!, /lstm \(LSTM\)\s+│ \(None, 8\)\s+│\s+384 │/);
  await lines(ctx, 'class Antirectifier(layers.Layer):\n    def call(self, x):\n        return x');
  const custom = await run(ctx, 'net = keras.Sequential([keras.Input(shape=(4,)), Antirectifier(), layers.Dense(2)])');
  assert.equal(custom.ok, false);
  assert.match(custom.text, /Antirectifier is a layer class the script defines in Python \(class Antirectifier\)/);
});

test('a sign before a constant or a parenthesized expression folds as Python computes it', async () => {
  const ctx = fresh();
  await lines(ctx, 'n = 4', 'shift = -n', 'both = -(n * 2) + 1');
  const [printed] = await lines(ctx, 'print(shift, both, -n ** 2)');
  assert.equal(printed, '-4 -7 -16');
});
