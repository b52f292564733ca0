import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { IRIS_MODEL, recorder, refused, run, session } from '../train/helpers.js';

const EPOCH_LINE = /^4\/4 - \d+s - \d+(s|ms|us)\/step - accuracy: \d\.\d{4}(?:e[+-]\d\d)? - loss: \d\.\d{4}(?:e[+-]\d\d)? - val_accuracy: \d\.\d{4}(?:e[+-]\d\d)? - val_loss: \d\.\d{4}(?:e[+-]\d\d)?$/m;

test('fit prints Keras verbose=2 lines per epoch, the curves and the best validation epoch', async () => {
  const ctx = session();
  const out = await run(ctx, ...IRIS_MODEL, 'compile optimizer=adam', 'fit epochs=3');
  assert.match(out, /^Epoch 1\/3$/m);
  assert.match(out, /^Epoch 3\/3$/m);
  assert.equal(out.match(new RegExp(EPOCH_LINE.source, 'gm'))?.length, 3, out);
  assert.match(out, /── loss {3}┄┄ val_loss/);
  assert.match(out, /Best val_loss: \d\.\d{4}(?:e[+-]\d\d)? at epoch [123]\./);
  assert.equal(ctx.session.training.history.length, 3);
});

test('fit without compile compiles with the inferred defaults and says so', async () => {
  const out = await run(session(), ...IRIS_MODEL, 'fit epochs=1 verbose=0');
  assert.match(out, /Not compiled yet; using model\.compile\(optimizer=RMSprop\(.*\), loss='categorical_crossentropy', metrics=\['accuracy'\]\)/);
  assert.doesNotMatch(out, /Epoch|4\/4/); // verbose=0 prints no epoch lines
});

test('a later fit continues from the current weights and the session-wide epoch count', async () => {
  const rec = recorder();
  const ctx = session(rec.hooks);
  await run(ctx, 'seed 3', ...IRIS_MODEL, 'compile optimizer=Adam(learning_rate=0.05)', 'fit epochs=4');
  const first = ctx.session.training.history.map((e) => e.logs['loss']!);
  await run(ctx, 'fit epochs=2');
  const history = ctx.session.training.history;
  assert.deepEqual(history.map((e) => e.epoch), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(history.map((e) => e.fit), [1, 1, 1, 1, 2, 2]);
  assert.ok(history[4]!.logs['loss']! < first[0]!, 'the second fit starts from trained weights');
  const starts = rec.events.filter((e) => e.kind === 'started');
  assert.deepEqual(starts.map((e) => (e.kind === 'started' ? e.firstEpoch : -1)), [0, 4]);
  assert.deepEqual(rec.controls.filter((c) => c === null).length, 2); // control handed back after each fit
});

test('an unrelated edit keeps trained weights; a changed layer and the one after it start afresh', async () => {
  const ctx = session();
  await run(ctx, 'seed 1', ...IRIS_MODEL, 'compile optimizer=adam', 'fit epochs=2 verbose=0');
  const before = await run(ctx, 'evaluate');
  const out = await run(ctx, 'insert 2 Dropout(0.1)', 'evaluate');
  assert.match(out, /Model changed since the last fit: no layer lost its weights; dense, dense_1 keep their trained weights\./);
  // Dropout is inactive in evaluate: the same weights give the same loss.
  assert.equal(out.split('\n').at(-1)!.replace(/\d+s \d+(ms|us)\/step/, ''), before.split('\n').at(-1)!.replace(/\d+s \d+(ms|us)\/step/, ''));
  const changed = await run(ctx, 'set dense units=4', 'fit epochs=1 verbose=0');
  assert.match(changed, /dense, dense_1 start from new weights/);
});

test('seed N makes two fresh sessions train identically (weights, Dropout, shuffling)', async () => {
  const lines = ['seed 42', ...IRIS_MODEL.slice(0, 2), 'Dropout(0.3)', IRIS_MODEL[2]!, 'compile optimizer=adam', 'fit epochs=3 verbose=0'];
  const a = session();
  const b = session();
  await run(a, ...lines);
  await run(b, ...lines);
  const histories = [a, b].map((ctx) => ctx.session.training.history.map((e) => e.logs));
  assert.deepEqual(histories[0], histories[1]);
  const c = session();
  await run(c, 'seed 43', ...lines.slice(1));
  assert.notDeepEqual(c.session.training.history.map((e) => e.logs), histories[0]);
});

test('the control stops after the current batch, keeps the history and reports the epoch; pause waits', async () => {
  let paused = false;
  const rec = recorder((e, control) => {
    if (e.epoch === 0 && e.step === 1 && !paused) {
      paused = true;
      control.pause();
      setTimeout(() => control.resume(), 20);
    }
    if (e.epoch === 1 && e.step === 2) control.stop();
  });
  const ctx = session(rec.hooks);
  const out = await run(ctx, ...IRIS_MODEL, 'compile optimizer=adam', 'fit epochs=50');
  assert.match(out, /Stopped in epoch 2\/50 after step 2\/4; the weights and the history so far are kept\./);
  assert.equal(ctx.session.training.history.length, 2);
  const kinds = rec.events.map((e) => e.kind);
  assert.ok(kinds.indexOf('paused') < kinds.indexOf('resumed'));
  assert.deepEqual(rec.events.find((e) => e.kind === 'stopped'), { kind: 'stopped', epoch: 1, step: 2, reason: 'interrupt' });
  assert.equal(kinds.at(-1), 'finished');
  const batches = rec.events.filter((e) => e.kind === 'batch');
  assert.ok(batches.every((e) => e.kind === 'batch' && Object.keys(e.logs).join() === 'accuracy,loss'));
});

test('early stopping ends the fit when the monitored loss stops improving', async () => {
  // With a learning rate of 0 the weights never move, so val_loss never improves after epoch 1.
  const ctx = session();
  const out = await run(ctx, ...IRIS_MODEL, 'compile optimizer=SGD(learning_rate=0.0)', 'fit epochs=20 early_stopping=1');
  assert.match(out, /Early stopping after epoch 2\/20: val_loss did not improve for 1 epochs\./);
  assert.equal(ctx.session.training.history.length, 2);
});

test('class_weight scales the training loss as Keras does (mean of weighted per-sample losses)', async () => {
  const ctx = session();
  await run(ctx, ...IRIS_MODEL, 'compile optimizer=SGD(learning_rate=0.0)', 'fit epochs=1 verbose=0 class_weight=[1, 1, 1]', 'fit epochs=1 verbose=0 class_weight="setosa:2,versicolor:2,virginica:2"');
  const [once, twice] = ctx.session.training.history.map((e) => e.logs);
  assert.ok(Math.abs(twice!['loss']! - 2 * once!['loss']!) < 1e-5, `${twice!['loss']} vs 2 × ${once!['loss']}`);
  assert.equal(twice!['val_loss'], once!['val_loss']); // validation is not weighted
  assert.match(await refused(ctx, 'fit class_weight=[1, 2]'), /class_weight has 2 weights for 3 classes/);
});

test('evaluate prints the Keras evaluate line; predict shows classes and probabilities', async () => {
  const ctx = session();
  await run(ctx, 'seed 5', ...IRIS_MODEL, 'compile optimizer=adam', 'fit epochs=2 verbose=0');
  const evaluated = await run(ctx, 'evaluate');
  assert.match(evaluated, /^Evaluating on the validation split \(30 rows\):\n1\/1 ━{20} \d+s \d+(ms|us)\/step - accuracy: \d\.\d{4}(?:e[+-]\d\d)? - loss: \d\.\d{4}(?:e[+-]\d\d)?$/);
  for (const line of ['predict 5.1,3.5,1.4,0.2', 'predict [5.1, 3.5, 1.4, 0.2]']) {
    const out = await run(ctx, line);
    const [head, ...rows] = out.split('\n');
    assert.match(head!, /^Predicted: (setosa|versicolor|virginica) \(\d\.\d{4}\)$/);
    assert.deepEqual(rows.map((r) => r.trim().split(/\s+/)[0]), ['setosa', 'versicolor', 'virginica']);
    const sum = rows.reduce((a, r) => a + Number(r.trim().split(/\s+/)[1]), 0);
    assert.ok(Math.abs(sum - 1) < 2e-4, `probabilities sum to ${sum}`);
  }
  assert.match(await refused(ctx, 'predict 5.1,3.5'), /The data has 4 feature columns \(sepal_length, sepal_width, petal_length, petal_width\); the row has 2 values\./);
});

test('predict test prints a confusion matrix whose counts cover the split, and the per-class report', async () => {
  const ctx = session();
  const out = await run(ctx, 'seed 2', 'load builtin:iris test=0.2', ...IRIS_MODEL.slice(1), 'compile optimizer=adam', 'fit epochs=1 verbose=0', 'predict test');
  assert.match(out, /^Predictions on the test split \(30 rows\):/);
  const rows = out.split('\n').filter((l) => /^(setosa|versicolor|virginica) +\d+ +\d+ +\d+$/.test(l));
  assert.equal(rows.length, 3);
  const counts = rows.map((r) => r.split(/\s+/).slice(1).map(Number));
  assert.deepEqual(counts.map((r) => r.reduce((a, b) => a + b, 0)), [10, 10, 10]); // stratified: 10 per class
  assert.match(out, /precision {4}recall {2}f1-score {3}support/);
  assert.match(out, / {4}accuracy {27}\d\.\d\d {8}30/);
});

test('no tensors leak: the count after the third fit equals the count after the first', async () => {
  const ctx = session();
  await run(ctx, ...IRIS_MODEL, 'compile optimizer=adam', 'fit epochs=1 verbose=0');
  const after1 = tf.memory().numTensors;
  await run(ctx, 'fit epochs=1', 'evaluate', 'predict test', 'predict 5,3,1,0.2', 'fit epochs=2 early_stopping=1');
  assert.equal(tf.memory().numTensors, after1);
});
