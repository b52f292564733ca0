/**
 * An epoch that Ctrl-C (the control's stop) ends partway: as in Keras's fit loop, the batch loop
 * ends but the epoch is still validated and closed, so its logs, the history and the printed
 * line carry val_loss. An abort ends the fit without that pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IRIS_MODEL, recorder, run, session } from '../train/helpers.js';

// Iris: 120 training rows in batches of 8 = 15 steps per epoch; 30 validation rows.
const FIT = 'fit epochs=5 batch_size=8';

function stopAt(epoch: number, step: number, how: 'stop' | 'abort') {
  return recorder((e, control) => {
    if (e.epoch === epoch && e.step === step) control[how]();
  });
}

test('an interrupted epoch is validated: its history, epoch event and line carry val_loss, shown as 9/15', async () => {
  const rec = stopAt(1, 9, 'stop');
  const ctx = session(rec.hooks);
  const out = await run(ctx, 'seed 4', ...IRIS_MODEL, 'compile optimizer=adam', FIT);
  const history = ctx.session.training.history;
  assert.equal(history.length, 2);
  assert.deepEqual(Object.keys(history[1]!.logs), ['accuracy', 'loss', 'val_accuracy', 'val_loss']);
  const epochEvents = rec.events.filter((e) => e.kind === 'epoch');
  assert.ok(epochEvents.length === 2 && epochEvents[1]!.kind === 'epoch' && 'val_loss' in epochEvents[1]!.logs);
  const finished = rec.events.find((e) => e.kind === 'finished');
  assert.equal(finished?.kind === 'finished' && finished.history['val_loss']?.length, 2);
  assert.match(out, /^15\/15 - \d+s - .* - val_loss: \d\.\d{4}(?:e[+-]\d\d)?$/m);
  assert.match(out, /^ 9\/15 - \d+s - \d+(ms|us)\/step - accuracy: \d\.\d{4}(?:e[+-]\d\d)? - loss: \d\.\d{4}(?:e[+-]\d\d)? - val_accuracy: \d\.\d{4}(?:e[+-]\d\d)? - val_loss: \d\.\d{4}(?:e[+-]\d\d)?$/m);
  assert.match(out, /Stopped in epoch 2\/5 after step 9\/15;/);
  assert.match(out, /── loss {3}┄┄ val_loss/);
});

test("the interrupted epoch's val_loss is the validation loss of the weights it stopped with", async () => {
  const ctx = session(stopAt(0, 9, 'stop').hooks);
  await run(ctx, 'seed 4', ...IRIS_MODEL, 'compile optimizer=adam', FIT);
  const evaluated = await run(ctx, 'evaluate');
  const valLoss = ctx.session.training.history[0]!.logs['val_loss']!;
  assert.match(evaluated, new RegExp(`loss: ${valLoss.toFixed(4)}$`));
});

test('an aborted epoch is not validated, and a fit without validation data gets no val_ logs', async () => {
  const aborted = session(stopAt(1, 9, 'abort').hooks);
  const out = await run(aborted, 'seed 4', ...IRIS_MODEL, 'compile optimizer=adam', FIT);
  assert.deepEqual(Object.keys(aborted.session.training.history[1]!.logs), ['accuracy', 'loss']);
  assert.match(out, /^ 9\/15 - \d+s - \d+(ms|us)\/step - accuracy: \d\.\d{4}(?:e[+-]\d\d)? - loss: \d\.\d{4}(?:e[+-]\d\d)?$/m);
  const plain = session(stopAt(0, 9, 'stop').hooks);
  await run(plain, 'seed 4', 'load builtin:iris validation=0', ...IRIS_MODEL.slice(1), 'compile optimizer=adam', 'fit epochs=5 batch_size=10');
  assert.deepEqual(Object.keys(plain.session.training.history[0]!.logs), ['accuracy', 'loss']);
});
