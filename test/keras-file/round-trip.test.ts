/**
 * A `.keras` file klayers writes opens again in klayers with the same layers, weights, compile and
 * optimizer state, a frozen layer included (tfjs orders frozen weights last, Keras's store goes
 * layer by layer); undo brings back the model the load replaced.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshContext, run, runAll } from '../helpers/run.js';
import type { CommandContext } from '../../src/commands/types.js';

const weightsOf = (ctx: CommandContext) => (ctx.session.engine.currentWeights(ctx.session.model.plan()) ?? []).map((l) => [l.name, l.arrays]);

test('save model FILE.keras then load model FILE.keras: layers, summary, weights, compile and optimizer state', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'klayers-keras-')), 'iris.keras');
  const a = freshContext();
  await runAll(a, ['seed 4', 'load builtin:iris', "Dense(8, activation='relu', trainable=False)", "Dense(3, activation='softmax', name='out')", 'compile(optimizer=RMSprop(momentum=0.5), loss=\'categorical_crossentropy\')', 'fit epochs=2 verbose=0']);
  const saved = await run(a, `save model ${file}`);
  assert.match(saved.text, /^Saved model 'sequential' to .*iris\.keras \(Keras 3 format: keras\.saving\.load_model opens it\): 67 parameters, trained weights, optimizer state \(8 iterations\)\.$/);
  const [summaryA] = await runAll(a, ['summary']);
  const b = freshContext();
  await runAll(b, ['Dense(2)']);
  const loaded = await run(b, `load model ${file}`);
  assert.ok(loaded.ok, loaded.text);
  assert.match(loaded.text, /2 layers, 67 parameters .*Compiled as saved: model\.compile\(optimizer=RMSprop\(learning_rate=0\.0010000000474974513, rho=0\.9, momentum=0\.5, epsilon=1e-07, centered=False\), loss='categorical_crossentropy', metrics=\[\]\), optimizer state after 8 iterations\./);
  assert.equal((await runAll(b, ['summary']))[0], summaryA);
  // The compile named no metrics (klayers inferred accuracy): Keras saves metrics=None, and so the loaded model has none.
  assert.equal(b.session.training.compile?.metricsInferred, true);
  assert.deepEqual(weightsOf(b), weightsOf(a));
  // The same next fit from the same state gives the same weights (no shuffling: no random draws).
  await runAll(a, ['fit epochs=1 verbose=0 shuffle=False']);
  await runAll(b, ['load builtin:iris', 'fit epochs=1 verbose=0 shuffle=False']);
  assert.deepEqual(weightsOf(b), weightsOf(a));
  await runAll(b, ['undo', 'undo']); // the data load, then the model load
  assert.deepEqual(b.session.model.state.layers.map((l) => l.className), ['Dense']);
});
