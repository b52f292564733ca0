import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshContext, run, runAll } from '../helpers/run.js';
import { MODEL_BEGIN, MODEL_END } from '../../src/export/keras-script.js';
import { NO_KERAS, NO_PANDAS, runPython } from './python.js';
import type { MemorySplit } from '../../src/data/encode/dataset.js';

const out = () => join(mkdtempSync(join(tmpdir(), 'klayers-export-')), 'model.py');

async function exported(lines: readonly string[]): Promise<{ script: string; total: number; ctx: ReturnType<typeof freshContext> }> {
  const ctx = freshContext();
  const file = out();
  await runAll(ctx, [...lines, `export keras ${file}`]);
  const a = ctx.session.model.analysis();
  return { script: readFileSync(file, 'utf8'), total: a.trainableParams + a.nonTrainableParams, ctx };
}

const CSV_SESSION = ['load test/data/fixtures/flowers.csv target=species', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", "compile optimizer=Adam(learning_rate=0.01) loss='categorical_crossentropy' metrics=['accuracy']", 'fit epochs=3 verbose=0'];

test('a CSV session exports its loading, encoding, model, compile and fit', async () => {
  const { script, ctx } = await exported(CSV_SESSION);
  const d = ctx.session.data!.dataset;
  assert.match(script, /^import pandas as pd$/m);
  assert.match(script, /^df = pd\.read_csv\("test\/data\/fixtures\/flowers\.csv"\)$/m);
  // z-score with the training split's statistics, written out.
  for (const e of d.encoders) {
    if (e.kind === 'number') assert.ok(script.includes(`((df["${e.column}"].fillna(${e.fill}) - ${e.center}) / ${e.divisor})`), `${e.column} scaled in the script`);
    if (e.kind === 'one-hot') assert.ok(script.includes(`for v in [${e.vocabulary.map((v) => JSON.stringify(v)).join(', ')}]`), `${e.column} one-hot`);
  }
  assert.match(script, /np\.stack\(\[\(df\["species"\]\.astype\(str\) == c\)\.to_numpy\("float32"\) for c in \["setosa", "versicolor", "virginica"\]\], axis=1\)/);
  assert.ok(script.includes(`${MODEL_BEGIN}\nmodel = keras.Sequential([\n    keras.Input(shape=(${d.featureShape[0]},)),\n    layers.Dense(8, activation='relu'),\n    layers.Dense(3, activation='softmax'),\n])\n${MODEL_END}`), script);
  assert.match(script, /^model\.compile\(optimizer=keras\.optimizers\.Adam\(learning_rate=0\.01, beta_1=0\.9, beta_2=0\.999, epsilon=1e-07, amsgrad=False\), loss='categorical_crossentropy', metrics=\['accuracy'\]\)$/m);
  assert.match(script, /^model\.fit\(x_train, y_train, epochs=3, batch_size=32, validation_data=\(x_val, y_val\)\)$/m);
});

test('non-default arguments, renamed layers, objects and Lambda as keras.ops', async () => {
  const { script } = await exported([
    'Input(shape=(10, 3))',
    "Conv1D(4, 3, padding='causal', kernel_initializer=RandomNormal(stddev=0.1))",
    "Lambda('x[:, -1] * 2 + abs(x[:, 0])')",
    "Dense(3, activation='softmax', kernel_regularizer=L1(0.02), name='head')",
  ]);
  assert.ok(script.includes("    layers.Conv1D(4, (3,), padding='causal', kernel_initializer=RandomNormal(stddev=0.1)),"), script);
  assert.ok(script.includes('    layers.Lambda(lambda x: (x[:, -1] * 2) + ops.abs(x[:, 0])),'), script);
  assert.ok(script.includes("    layers.Dense(3, activation='softmax', kernel_regularizer=L1(l1=0.02), name='head'),"), script);
  assert.match(script, /^from keras\.initializers import RandomNormal$/m);
  assert.match(script, /^from keras\.regularizers import L1$/m);
  assert.match(script, /^# Not compiled in klayers yet/m);
});

test('a Lambda that keras.ops cannot express is refused, naming it', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(None, 3))', "Lambda('flatten(x)')"]);
  const r = await run(ctx, `export keras ${out()}`);
  assert.equal(r.ok, false);
  assert.match(r.text, /export keras: cannot translate flatten on a shape with unknown sizes in Lambda\('flatten\(x\)'\) to keras\.ops/);
});

test('Keras runs the exported model and counts the same parameters', { skip: NO_KERAS }, async () => {
  const { script, total } = await exported([
    'Input(shape=(12, 3))',
    "Conv1D(4, 3, padding='causal', activation='relu', dilation_rate=2)",
    "Lambda('x - mean(x, axis=1, keepdims=True)')",
    'MaxPooling1D(2)',
    'LSTM(6, return_sequences=True)',
    'SimpleRNN(5)',
    'Dropout(0.5)',
    "Dense(3, activation='softmax', kernel_constraint=MaxNorm(3))",
  ]);
  const model = script.slice(0, script.indexOf(MODEL_END));
  assert.equal(runPython(`${model}\nprint(model.count_params())`).trim(), String(total));
});

test('Keras runs the whole CSV script: the data has the shape klayers gave it and fit runs', { skip: NO_PANDAS }, async () => {
  const { script, total, ctx } = await exported(CSV_SESSION);
  const d = ctx.session.data!.dataset;
  const printed = runPython(`${script}\nprint("RESULT", model.count_params(), x_train.shape[1:], len(x_train), len(x_val))\nprint("ROWS", list(val_rows))`, process.cwd());
  const result = printed.split('\n').find((l) => l.startsWith('RESULT'));
  assert.equal(result, `RESULT ${total} (${d.featureShape[0]},) ${d.train.size} ${d.validation.size}`);
  // The same rows as klayers' split, not only as many.
  assert.equal(printed.split('\n').find((l) => l.startsWith('ROWS')), `ROWS [${[...(d.validation as MemorySplit).rows].join(', ')}]`);
});

test("the fit call repeats the last fit's settings: batch size, shuffle, class weights, early stopping, validation_split", async () => {
  const { script } = await exported([...CSV_SESSION.slice(0, 4), 'fit epochs=2 batch_size=16 shuffle=False class_weight=[1, 2, 0.5] early_stopping=3 verbose=0']);
  assert.match(
    script,
    /^model\.fit\(x_train, y_train, epochs=2, batch_size=16, shuffle=False, class_weight=\{0: 1\.0, 1: 2\.0, 2: 0\.5\}, callbacks=\[keras\.callbacks\.EarlyStopping\(monitor='val_loss', patience=3\)\], validation_data=\(x_val, y_val\)\)$/m,
  );
  const noValidation = await exported(['load test/data/fixtures/flowers.csv target=species validation=0', ...CSV_SESSION.slice(1, 4), 'fit epochs=2 validation_split=0.25 verbose=0']);
  assert.match(noValidation.script, /^model\.fit\(x_train, y_train, epochs=2, batch_size=32, validation_split=0\.25\)$/m);
});

test('Keras runs the exported fit with those settings, and its history has the epochs klayers ran', { skip: NO_PANDAS }, async () => {
  const { script } = await exported([...CSV_SESSION.slice(0, 4), 'fit epochs=2 batch_size=16 shuffle=False class_weight=[1, 2, 0.5] early_stopping=3 verbose=0']);
  const printed = runPython(`${script.replace(/^model\.fit\((.*)\)$/m, 'history = model.fit($1, verbose=0)')}\nprint("RESULT", len(history.history["loss"]), sorted(history.history))`, process.cwd());
  assert.equal(printed.split('\n').find((l) => l.startsWith('RESULT')), "RESULT 2 ['accuracy', 'loss', 'val_accuracy', 'val_loss']");
});
