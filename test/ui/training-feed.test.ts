import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrainingFeed } from '../../src/ui/training/feed.js';
import { FakeClock, recordingControl, scriptedFit } from './training-helpers.js';

const CTRL_C = { name: 'interrupt' } as const;
const P = { name: 'insert', text: 'p' } as const;

function startedFeed() {
  const clock = new FakeClock();
  const feed = new TrainingFeed(clock);
  const control = recordingControl();
  let published = 0;
  feed.subscribe(() => (published += 1));
  feed.setControl(control);
  feed.onEvent(scriptedFit()[0]!);
  return { clock, feed, control, published: () => published };
}

test('500 batches within 100 ms publish at most twice, and the view then shows the last one', () => {
  const { clock, feed, published } = startedFeed();
  const before = published();
  for (let step = 1; step <= 500; step += 1) {
    feed.onEvent({ kind: 'batch', epoch: 0, step, logs: { loss: 1 / step }, elapsedMs: step * 0.2 });
    clock.advance(0.2);
  }
  clock.advance(100);
  assert.ok(published() - before <= 2, `${published() - before} redraws`);
  assert.equal(feed.snapshot()?.step, 500);
});

test('a steady stream of batches redraws about 10 times a second, never once per batch', () => {
  const { clock, feed, published } = startedFeed();
  const before = published();
  for (let step = 1; step <= 10_000; step += 1) {
    feed.onEvent({ kind: 'batch', epoch: 0, step, logs: { loss: 1 }, elapsedMs: step * 0.3 });
    clock.advance(0.3);
  }
  // 3 seconds of batches.
  const redraws = published() - before;
  assert.ok(redraws >= 29 && redraws <= 31, `${redraws} redraws in 3 s`);
});

test('Ctrl-C once stops; twice within a second aborts; a second later it is a first press again', () => {
  const { clock, feed, control } = startedFeed();
  assert.equal(feed.press(CTRL_C), true);
  assert.deepEqual(control.calls, ['stop']);
  assert.equal(feed.snapshot()?.stopping, 'interrupt', 'the view says so at once');
  clock.advance(900);
  feed.press(CTRL_C);
  assert.deepEqual(control.calls, ['stop', 'abort']);
  assert.equal(feed.snapshot()?.stopping, 'abort');
  clock.advance(1500);
  feed.press(CTRL_C);
  assert.deepEqual(control.calls, ['stop', 'abort', 'stop']);
});

test('p pauses and resumes; other keys are swallowed while a fit runs and passed on when none does', () => {
  const { feed, control } = startedFeed();
  feed.press(P);
  assert.equal(feed.snapshot()?.paused, true);
  feed.press(P);
  assert.equal(feed.snapshot()?.paused, false);
  assert.equal(feed.press({ name: 'insert', text: 'x' }), true);
  assert.equal(feed.press({ name: 'enter' }), true);
  assert.deepEqual(control.calls, ['pause', 'resume']);
  feed.setControl(null);
  assert.equal(feed.press(CTRL_C), false, 'no fit: Ctrl-C is the editor’s again');
  assert.equal(feed.press(P), false);
  assert.equal(feed.snapshot(), null, 'the view is gone once the fit ends');
  assert.deepEqual(control.calls, ['pause', 'resume']);
});

test('slow redraws come less often: each may take 2 % of the time, down to 2 a second', () => {
  const { clock, feed, published } = startedFeed();
  feed.reportRedraw(1);
  assert.equal(feed.redrawInterval, 100, 'fast redraws: 10 a second');
  for (let i = 0; i < 20; i += 1) feed.reportRedraw(5);
  assert.ok(Math.abs(feed.redrawInterval - 250) < 5, `${feed.redrawInterval} ms`);
  const before = published();
  for (let step = 1; step <= 1000; step += 1) {
    feed.onEvent({ kind: 'batch', epoch: 0, step, logs: { loss: 1 }, elapsedMs: step });
    clock.advance(1);
  }
  const redraws = published() - before;
  assert.ok(redraws >= 4 && redraws <= 5, `${redraws} redraws in 1 s`);
  for (let i = 0; i < 20; i += 1) feed.reportRedraw(100);
  assert.equal(feed.redrawInterval, 500);
});
