/**
 * The App while `fit` runs, with a training engine that stands in for tfjs: it reports through
 * the hooks the App put into the context, hands over the engine's own FitControl and trains
 * (1 ms a batch) until told to stop.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { FitControl } from '../../src/engine/train/fit-control.js';
import type { FitRequest } from '../../src/session/engine-handle.js';
import type { FitOutcome } from '../../src/core/training.js';
import { App } from '../../src/ui/components/App.js';
import { stubContext, stubEngine, typeKeys, waitForFrame } from './render-helpers.js';

function fakeFit(calls: string[]) {
  return async (spec: FitRequest): Promise<FitOutcome> => {
    const control = new FitControl();
    // What the UI gets: the engine's control, with each call it makes recorded.
    const seen = {
      stop: () => (calls.push('stop'), control.stop()),
      abort: () => (calls.push('abort'), control.abort()),
      pause: () => (calls.push('pause'), control.pause()),
      resume: () => (calls.push('resume'), control.resume()),
      get paused() {
        return control.paused;
      },
    };
    const hooks = spec.hooks!;
    const steps = Math.ceil(spec.train.size / spec.batchSize);
    const epochs: FitOutcome['epochs'][number][] = [];
    hooks.setControl(seen);
    hooks.onEvent({ kind: 'started', epochs: spec.epochs, firstEpoch: spec.firstEpoch, stepsPerEpoch: steps, samples: spec.train.size, batchSize: spec.batchSize, metrics: ['accuracy', 'loss'], hasValidation: spec.validation !== null });
    let stopped: FitOutcome['stopped'] = null;
    for (let epoch = spec.firstEpoch; epoch < spec.firstEpoch + spec.epochs && !stopped; epoch += 1) {
      for (let step = 1; step <= steps; step += 1) {
        await new Promise((r) => setTimeout(r, 1));
        hooks.onEvent({ kind: 'batch', epoch, step, logs: { accuracy: 0.5, loss: 1 / (epoch + 1) }, elapsedMs: step });
        await control.waitWhilePaused();
        if (control.stopReason) {
          stopped = { epoch, step, reason: control.stopReason };
          hooks.onEvent({ kind: 'stopped', ...stopped });
          break;
        }
      }
      const logs = { accuracy: 0.5, loss: 1 / (epoch + 1), val_accuracy: 0.5, val_loss: 1.1 / (epoch + 1) };
      epochs.push({ epoch, logs, elapsedMs: steps, steps });
      hooks.onEvent({ kind: 'epoch', epoch, logs, elapsedMs: steps, samplesPerSec: 1000 });
    }
    hooks.setControl(null);
    return { change: { rebuilt: false, kept: [], reset: [], hadWeights: false }, epochs, stepsPerEpoch: steps, stopped, backend: 'cpu' };
  };
}

function start() {
  const calls: string[] = [];
  const ctx = stubContext(stubEngine({ fit: fakeFit(calls) }));
  const r = render(<App ctx={ctx} />);
  const type = (keys: string) => typeKeys(r.stdin, keys);
  const screen = (check: (f: string) => boolean) => waitForFrame(r.lastFrame, check);
  return { r, calls, type, screen };
}

async function startFit() {
  const app = start();
  await app.type('load builtin:iris\r');
  await app.type("Dense(3, activation='softmax')\r");
  await app.type('compile\r');
  await app.screen((f) => f.includes('[3] klayers> compile') && f.includes('backend cpu'));
  await app.type('fit epochs=1000\r');
  // The curves are up once an epoch has ended; the prompt has given way to the view.
  const frame = await app.screen((f) => f.includes('── loss   ┄┄ val_loss'));
  assert.match(frame, /\[4\] klayers> fit epochs=1000\n/);
  assert.match(frame, /\nEpoch \d+\/1000 · p pause · Ctrl-C stop\n/);
  assert.match(frame, /\n[\d,]+ samples\/s · ETA [\d:]+s? · best val_loss \d\.\d{4} \(epoch \d+\)\n/);
  assert.match(frame, /· backend cpu · training…( · data builtin:iris)?$/);
  assert.doesNotMatch(frame, /\nklayers>/);
  return app;
}

test('while fit runs: the live view replaces the prompt, Ctrl-C stops it, and the fit prints as a cell', async () => {
  const { r, calls, type, screen } = await startFit();
  await type('xyz'); // dropped while training
  await type('\x03');
  const frame = await screen((f) => f.includes('Stopped in'));
  assert.deepEqual(calls, ['stop']);
  assert.match(frame, /Stopped in epoch \d+\/1000 after step \d+\/\d+; the weights and the history so far are kept\./);
  assert.doesNotMatch(frame, /Ctrl-C stop|training…|xyz/, 'the live view is gone');
  assert.match(frame, /\nklayers>\nsequential · 1 layer · 15 params · backend cpu( · data builtin:iris)?$/);
  // No fit runs: Ctrl-C clears the line again.
  await type('abc');
  await screen((f) => f.includes('klayers> abc'));
  await type('\x03');
  await screen((f) => /\nklayers>\n/.test(f));
  assert.deepEqual(calls, ['stop']);
  r.unmount();
});

test('p pauses and resumes the fit; Ctrl-C twice within a second aborts', async () => {
  const { r, calls, type, screen } = await startFit();
  await type('p');
  await screen((f) => f.includes('· paused (p resumes)'));
  await type('p');
  await screen((f) => f.includes('· p pause · Ctrl-C stop'));
  await type('\x03\x03');
  const frame = await screen((f) => f.includes('Aborted in'));
  assert.deepEqual(calls, ['pause', 'resume', 'stop', 'abort']);
  assert.match(frame, /Aborted in epoch \d+\/1000/);
  r.unmount();
});

test("the fit's closing chart is drawn for the terminal's width when the fit ends, not when it began", async () => {
  const { r, type, screen } = await startFit();
  // The terminal narrows to 60 columns while training.
  Object.defineProperty(r.stdout, 'columns', { get: () => 60, configurable: true });
  await type('\x03');
  const frame = await screen((f) => f.includes('Stopped in'));
  const cell = frame.slice(frame.indexOf('[4] klayers> fit'), frame.indexOf('Stopped in'));
  const lines = cell.split('\n');
  const top = lines.findIndex((l) => /[┤┼]/.test(l));
  const axis = lines.findIndex((l) => /^ epoch /.test(l));
  assert.ok(top >= 0 && axis > top, cell);
  // Drawn at 60 columns, every plot row keeps its label and the epoch axis is one line; drawn
  // at the 100 it began with, rows would wrap into unlabelled pieces.
  for (const row of lines.slice(top, axis)) assert.match(row, /^ *-?[\d.]+ [┤┼]/, cell);
  assert.match(lines[axis]!, /^ epoch +1 +\d+$/);
  assert.ok(Math.max(...lines.slice(top, axis + 1).map((l) => l.length)) <= 60, cell);
  r.unmount();
});
