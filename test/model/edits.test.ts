import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run, runAll } from '../helpers/run.js';

// Param counts below come from the Dense formula in*units + units, and Conv2D's
// kh*kw*in*filters + filters; the names are Keras 3's auto-names.

test('a built MLP infers shapes and params for every layer', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(784,))', "add Dense(64, activation='relu')", 'Dense(10)']);
  const rows = ctx.session.model.analysis().layers;
  assert.deepEqual(rows.map((r) => [r.name, r.outputShape, r.params]), [
    ['dense', [null, 64], 784 * 64 + 64],
    ['dense_1', [null, 10], 64 * 10 + 10],
  ]);
});

test('insert, set, undo and redo change exactly what they say', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['input (784,)', 'add Dense(64)', 'add Dense(10)', 'insert 2 Dropout(0.5)']);
  assert.deepEqual(ctx.session.model.state.layers.map((l) => l.name), ['dense', 'dropout', 'dense_1']);
  await runAll(ctx, ['set 1 units=128']);
  assert.equal(ctx.session.model.analysis().layers[0]!.params, 784 * 128 + 128);
  assert.equal(ctx.session.model.analysis().layers[2]!.params, 128 * 10 + 10);
  await runAll(ctx, ['undo']);
  assert.equal(ctx.session.model.analysis().layers[0]!.params, 784 * 64 + 64);
  await runAll(ctx, ['redo']);
  assert.equal(ctx.session.model.analysis().layers[0]!.params, 784 * 128 + 128);
  await runAll(ctx, ['undo', 'undo']);
  assert.deepEqual(ctx.session.model.state.layers.map((l) => l.name), ['dense', 'dense_1']);
  const r = await run(ctx, 'redo');
  assert.match(r.text, /Redone/);
  assert.equal(ctx.session.model.state.layers.length, 3);
});

test('a change that cannot work is refused with the layer, the shapes and a fix, and nothing changes', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(64,))', 'Dense(64)']);
  const before = ctx.session.model.state;
  const r = await run(ctx, "add Conv2D(32, (3, 3), activation='relu')");
  assert.equal(r.ok, false);
  assert.match(r.text, /^Error: /);
  assert.match(r.text, /Conv2D/);
  assert.match(r.text, /\(None, 64\)/);
  assert.match(r.text, /Reshape/);
  assert.equal(r.text.split('\n').length, 1, 'one line');
  assert.equal(ctx.session.model.state, before);
  const undo = await run(ctx, 'undo');
  assert.match(undo.text, /Undone/);
  assert.equal(ctx.session.model.state.layers.length, 0, 'undo skipped the refused add and undid Dense');
});

test('an edit that breaks a later layer is refused: set, remove, move, insert', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(28, 28, 1))', 'Flatten()', 'Dense(64)', 'Reshape((8, 8, 1))', 'Conv2D(4, (3, 3))']);
  const before = ctx.session.model.state;
  for (const line of ['remove 3', 'move 3 1', 'insert 4 Flatten()', 'set 2 units=65', 'set 4 kernel_size=(9, 9)']) {
    const r = await run(ctx, line);
    assert.equal(r.ok, false, `${line} should be refused:\n${r.text}`);
    assert.equal(ctx.session.model.state, before, `${line} left the session unchanged`);
  }
});

test('auto-names, explicit names and clashes', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['input (8,)', 'Dense(4)', "Dense(4, name='hidden')", 'Dense(4)']);
  assert.deepEqual(ctx.session.model.state.layers.map((l) => l.name), ['dense', 'hidden', 'dense_1']);
  const clash = await run(ctx, "Dense(2, name='hidden')");
  assert.equal(clash.ok, false);
  assert.match(clash.text, /'hidden'/);
  await runAll(ctx, ['remove dense_1', 'Dense(3)']);
  assert.equal(ctx.session.model.state.layers.at(-1)!.name, 'dense_2', 'Keras counters only grow');
  await runAll(ctx, ['rename hidden features', 'move 3 1']);
  assert.deepEqual(ctx.session.model.state.layers.map((l) => l.name), ['dense_2', 'dense', 'features']);
  await runAll(ctx, ['replace features Dropout(0.2)']);
  assert.deepEqual(ctx.session.model.state.layers.map((l) => l.className), ['Dense', 'Dense', 'Dropout']);
});

test('positions and names that do not exist are named in the error', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['input (8,)', 'Dense(4)']);
  const far = await run(ctx, 'remove 7');
  assert.equal(far.ok, false);
  assert.match(far.text, /No layer 7: the model has 1 layer/);
  const named = await run(ctx, 'inspect dense_9');
  assert.match(named.text, /No layer named 'dense_9'/);
});

test('keras.Sequential([...]) builds a whole model in one undoable step', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(3,))', 'Dense(2)']);
  await runAll(ctx, ["model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8, activation='relu'), layers.Dense(1)], name='reg')"]);
  assert.equal(ctx.session.model.state.modelName, 'reg');
  assert.deepEqual(ctx.session.model.analysis().layers.map((l) => l.params), [4 * 8 + 8, 8 + 1]);
  await runAll(ctx, ['undo']);
  assert.equal(ctx.session.model.state.modelName, 'sequential');
  assert.equal(ctx.session.model.state.layers.length, 1);
});

test('Keras paste aliases: imports, model.add, model.summary(), model.pop()', async () => {
  const ctx = freshContext();
  const out = await runAll(ctx, [
    'import keras',
    'from keras import layers',
    'model = keras.Sequential()',
    'model.add(keras.Input(shape=(28, 28, 1)))',
    "model.add(layers.Conv2D(32, kernel_size=(3, 3), activation='relu'))",
    'model.add(layers.MaxPooling2D(pool_size=(2, 2)))',
    'model.add(layers.Flatten())',
    'model.add(layers.Dense(10))',
    'model.pop()',
    'model.summary()',
  ]);
  assert.equal(ctx.session.model.state.layers.length, 3);
  // 13 * 13 * 32 = 5,408 features after the pooling layer.
  assert.equal(ctx.session.model.analysis().layers[2]!.outputShape?.[1], 13 * 13 * 32);
  assert.match(out.at(-1)!, /Total params: 320 \(1\.25 KB\)/);
});

test('unknown arguments, layers and commands get did-you-mean suggestions', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['input (8,)']);
  const arg = await run(ctx, "Dense(4, activaton='relu')");
  assert.match(arg.text, /activaton/);
  assert.match(arg.text, /activation/);
  const layer = await run(ctx, 'Dence(4)');
  assert.match(layer.text, /Did you mean 'Dense'/);
  const cmd = await run(ctx, 'summry');
  assert.match(cmd.text, /Did you mean 'summary'/);
  const noParens = await run(ctx, 'Dense');
  assert.match(noParens.text, /Dense needs parentheses/);
});

test('a syntax error points at the column', async () => {
  const ctx = freshContext();
  const r = await run(ctx, 'add Dense(64,, 2)');
  assert.equal(r.ok, false);
  const lines = r.text.split('\n');
  const caret = lines.find((l) => l.trim() === '^');
  assert.ok(caret, r.text);
  assert.equal(caret!.indexOf('^'), lines[0]!.indexOf(',,') + 1);
});

test('summary of a model without Input: Keras 3 marks it unbuilt, style=keras2 refuses clearly', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Dense(4)']);
  const k3 = await run(ctx, 'summary');
  assert.match(k3.text, /0 \(unbuilt\)/);
  const k2 = await run(ctx, 'summary style=keras2');
  assert.equal(k2.ok, false);
  assert.match(k2.text, /not yet been built.*Input/);
});

test('set re-creates the layer as Keras would: pooling strides follow a new pool_size', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(12, 12, 1))', 'MaxPooling2D()', 'set 1 pool_size=3']);
  // Keras: MaxPooling2D(pool_size=3) has strides=pool_size, so 12 -> floor((12 - 3) / 3) + 1 = 4.
  assert.deepEqual(ctx.session.model.analysis().layers[0]!.outputShape, [null, 4, 4, 1]);
  await runAll(ctx, ['set 1 strides=1']);
  assert.deepEqual(ctx.session.model.analysis().layers[0]!.outputShape, [null, 10, 10, 1]);
});

test('an argument tfjs cannot honour is refused when the layer is added, with the reason', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(8, 8, 4))', 'Conv2D(4, 3)']);
  const before = ctx.session.model.state;
  const r = await run(ctx, 'Conv2D(4, 3, groups=2)');
  assert.equal(r.ok, false, r.text);
  assert.match(r.text, /groups/);
  assert.equal(ctx.session.model.state, before);
  assert.match((await run(ctx, 'undo')).text, /Undone/);
  assert.equal(ctx.session.model.state.layers.length, 0, 'the refused add left no undo step');
});

test('inspect shows the trained weights once the model has been fitted', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['load builtin:iris', "Dense(3, activation='softmax')", "compile optimizer=SGD(learning_rate=0.1) loss=categorical_crossentropy"]);
  const before = await run(ctx, 'inspect 1');
  // Keras's Dense bias starts at zeros.
  assert.match(before.text, /bias \(3,\): min 0\.000\s+max 0\.000/);
  await runAll(ctx, ['fit epochs=2 batch_size=16']);
  const after = await run(ctx, 'inspect 1');
  assert.doesNotMatch(after.text, /bias \(3,\): min 0\.000\s+max 0\.000/);
});

test('the status line names the loaded data set', async () => {
  const { dataStatus } = await import('../../src/commands/data-status.js');
  const ctx = freshContext();
  assert.equal(dataStatus(ctx), null);
  await runAll(ctx, ['load builtin:iris']);
  assert.equal(dataStatus(ctx), 'builtin:iris');
});
