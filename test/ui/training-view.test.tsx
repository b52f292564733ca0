import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { TrainingFeed } from '../../src/ui/training/feed.js';
import { LiveView } from '../../src/ui/training/LiveView.js';
import { FakeClock, recordingControl, scriptedFit } from './training-helpers.js';
import { plain, waitForFrame } from './render-helpers.js';

/** One turn of the event loop: React commits the redraws it was asked for, and Ink writes them. */
const turn = () => new Promise((r) => setImmediate(r));

/** The live view (no colour) fed the scripted fit, 80 columns and `rows` rows. */
async function viewAfterScript(rows: number) {
  const clock = new FakeClock();
  const feed = new TrainingFeed(clock);
  feed.setControl(recordingControl());
  const r = render(<LiveView feed={feed} size={{ columns: 80, rows }} />);
  for (const event of scriptedFit()) feed.onEvent(event);
  clock.advance(100);
  const frame = await waitForFrame(r.lastFrame, (f) => f.includes('Epoch 4/20') && /^12\/47 /m.test(f));
  return { r, feed, clock, lines: frame.split('\n') };
}

test('the live view: curves with y labels and legend, Epoch k/n, Keras bar, samples/s, ETA, best epoch', async () => {
  const { r, lines } = await viewAfterScript(16);
  assert.equal(lines.length, 16);
  // 16 rows: 3 for epoch, bar and stats, 3 for asciichart's extra row, the epoch axis and the legend → 10 steps.
  const labels = lines.slice(0, 11).map((l) => l.slice(0, 6));
  const expected = Array.from({ length: 11 }, (_, i) => (1.2 - (i * 0.7) / 10).toFixed(4));
  assert.deepEqual(labels, expected, 'labels run evenly from the highest (val_loss 1.2) to the lowest value (loss 0.5)');
  assert.match(lines[0]!, /^1\.2000 ┼/, 'val_loss starts at the top');
  assert.match(lines[11]!, /^ epoch {2}1 +3$/);
  assert.equal(lines[12], '── loss   ┄┄ val_loss');
  assert.equal(lines[13], 'Epoch 4/20 · p pause · Ctrl-C stop');
  // Step 12 of 47: 20·12/47 → 5 cells done; Keras's rate leaves step 1 out: (492−41)/11 = 41 ms, ETA 35·41 ms → 1s.
  assert.equal(lines[14], '12/47 ━━━━━─────────────── 1s 41ms/step - accuracy: 0.8000 - loss: 0.4321');
  // 12·32 samples in 492 ms; the rest of the epoch (35·41 ms) + 16 epochs of 2 s = 33.4 s; val_loss 0.8 in epoch 2.
  assert.equal(lines[15], '780 samples/s · ETA 33s · best val_loss 0.8000 (epoch 2)');
  assert.ok(lines.every((l) => l.length <= 80));
  r.unmount();
});

test('the chart shrinks to the rows it is given, grows to at most 10 steps, and waits for the first epoch', async () => {
  const tall = await viewAfterScript(40);
  assert.equal(tall.lines.length, 16, 'a taller plot would redraw more for little more to read');
  tall.r.unmount();

  const short = await viewAfterScript(10);
  assert.equal(short.lines.length, 10);
  assert.match(short.lines[0]!, /^1\.2000 ┼/);
  assert.match(short.lines[4]!, /^0\.5000 ┤/);
  short.r.unmount();

  const clock = new FakeClock();
  const feed = new TrainingFeed(clock);
  feed.setControl(recordingControl());
  const r = render(<LiveView feed={feed} size={{ columns: 80, rows: 18 }} />);
  const [started, ...rest] = scriptedFit();
  feed.onEvent(started!);
  feed.onEvent(rest[0]!);
  await waitForFrame(r.lastFrame, (f) => f.includes('Epoch 1/20'));
  await turn();
  assert.match(plain(r.lastFrame()), /^ 0\/47 /m, 'the batch waits for the next redraw');
  clock.advance(100);
  assert.equal(
    await waitForFrame(r.lastFrame, (f) => /^ 1\/47 /m.test(f)),
    ['(the loss curves appear when epoch 1 ends)', 'Epoch 1/20 · p pause · Ctrl-C stop', ' 1/47 ──────────────────── 1s 41ms/step - accuracy: 0.6000 - loss: 1.0000', '780 samples/s · ETA 38s'].join('\n'),
  );
  r.unmount();
});

test('paused, stopping and gone: the view follows the keys and the end of the fit', async () => {
  const { r, feed } = await viewAfterScript(18);
  feed.press({ name: 'insert', text: 'p' });
  await waitForFrame(r.lastFrame, (f) => /\nEpoch 4\/20 · paused \(p resumes\)\n/.test(f));
  feed.press({ name: 'interrupt' });
  await waitForFrame(r.lastFrame, (f) => /\nEpoch 4\/20 · stopping after this batch \(Ctrl-C again aborts\)\n/.test(f));
  feed.setControl(null);
  await waitForFrame(r.lastFrame, (f) => f === '');
  r.unmount();
});

test('500 batch events in 100 ms draw at most a few frames', async () => {
  const clock = new FakeClock();
  const feed = new TrainingFeed(clock);
  feed.setControl(recordingControl());
  const r = render(<LiveView feed={feed} size={{ columns: 80, rows: 18 }} />);
  feed.onEvent({ kind: 'started', epochs: 20, firstEpoch: 0, stepsPerEpoch: 1000, samples: 32_000, batchSize: 32, metrics: ['loss'], hasValidation: false });
  await waitForFrame(r.lastFrame, (f) => f.includes('Epoch 1/20'));
  const before = r.frames.length;
  for (let step = 1; step <= 500; step += 1) {
    feed.onEvent({ kind: 'batch', epoch: 0, step, logs: { loss: 1 / step }, elapsedMs: step * 0.2 });
    clock.advance(0.2);
    if (step % 50 === 0) await turn(); // let React and Ink draw whatever they were asked to
  }
  // Past the longest wait between redraws (slow redraws on a busy machine stretch it to 500 ms).
  clock.advance(500);
  await waitForFrame(r.lastFrame, (f) => /^Epoch 1\/20.*\n 500\/1000 /m.test(f));
  assert.ok(r.frames.length - before <= 3, `${r.frames.length - before} frames`);
  r.unmount();
});
