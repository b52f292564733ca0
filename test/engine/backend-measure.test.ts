/**
 * `backend auto` chosen by measurement, as a user sees it: the first fit of an architecture times
 * steps on each backend (made-up timings here, so nothing is timed), `backend` shows the steps/s
 * and why, the choice is kept per architecture in this process and in the per-user cache, an
 * explicit `backend NAME` measures nothing, and the measurement leaves a seeded fit unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/engine/backend/tf.js';
import { createContext } from '../../src/commands/context.js';
import { useStepTimer, type StepTimer } from '../../src/engine/auto/choose.js';
import { forgetMeasuredChoices } from '../../src/engine/backend/measured-choice.js';
import type { BackendName } from '../../src/engine/index.js';
import { run, runAll } from '../helpers/run.js';
import { nativeDir } from './fixtures/native-dir.js';

process.env['KLAYERS_NATIVE_DIR'] = nativeDir('absent');
process.env['KLAYERS_CACHE'] = mkdtempSync(join(tmpdir(), 'klayers-measure-'));

const IRIS = ['load builtin:iris', "Dense(8, activation='relu')", 'Dropout(0.3)', "Dense(3, activation='softmax')", 'compile optimizer=adam'];

/** A timer answering `rates` (steps/s per backend), recording which backend it was asked about. */
function fakeTimer(rates: Partial<Record<BackendName, number>>): { timer: StepTimer; asked: string[] } {
  const asked: string[] = [];
  const timer: StepTimer = async (name, _plan, _compile, batch) => {
    asked.push(`${name}@${batch.rows}`);
    assert.equal(tf.getBackend(), name, 'the timer runs on the backend it times');
    return { stepsPerSecond: rates[name] ?? 1, steps: 10 };
  };
  return { timer, asked };
}

/** A new process as far as the measurement goes: nothing picked yet, but the same cache file. */
function freshProcess(timer: StepTimer | null): void {
  useStepTimer(timer);
  forgetMeasuredChoices();
}

test('the first fit measures each backend; `backend` shows the steps/s and why, and training runs on the fastest', async () => {
  const fake = fakeTimer({ wasm: 100, cpu: 900 });
  freshProcess(fake.timer);
  const ctx = createContext({ columns: 200 });
  await runAll(ctx, [...IRIS, 'fit epochs=1 batch_size=16 verbose=0']);
  // cpu's one-row step is timed first (is it worth timing?), then three rounds; the later two skip wasm, under a quarter of cpu.
  assert.deepEqual(fake.asked, ['wasm@16', 'cpu@1', 'cpu@16', 'cpu@16', 'cpu@16']);
  assert.equal(tf.getBackend(), 'cpu', 'cpu was measured fastest, though auto would pick wasm by capability');
  assert.equal(
    (await run(ctx, 'backend')).text,
    'Backend: cpu (auto: measured on this model at batch 16: cpu 900 steps/s, wasm 100 steps/s; tensorflow: not set up (klayers native setup); cpu is the fastest)',
  );
  const cache = readFileSync(join(process.env['KLAYERS_CACHE']!, 'backend-measurements.json'), 'utf8');
  assert.match(cache, /"name": "cpu"/);
});

test('the choice is kept per architecture: a refit or a rename measures nothing, a changed layer or batch size measures again', async () => {
  const fake = fakeTimer({ wasm: 500, cpu: 50 });
  freshProcess(fake.timer);
  const ctx = createContext({ columns: 200 });
  await runAll(ctx, [...IRIS.slice(0, 1), "Dense(9, activation='relu')", "Dense(3, activation='softmax')", 'fit epochs=1 verbose=0']);
  // cpu's one-row step, 50 steps/s, is under a quarter of wasm's 500 at the full batch: not timed further.
  assert.deepEqual(fake.asked, ['wasm@32', 'cpu@1', 'wasm@32', 'wasm@32']);
  assert.match((await run(ctx, 'backend')).text, /: wasm 500 steps\/s; tensorflow: not set up \(klayers native setup\); cpu: too slow to time at this batch \(50\.0 steps\/s on one row\); wasm is the fastest\)$/);
  await runAll(ctx, ['fit epochs=1 verbose=0', 'rename dense_1 out', 'fit epochs=1 verbose=0']);
  assert.equal(fake.asked.length, 4, `measured again: ${fake.asked}`);
  assert.equal(tf.getBackend(), 'wasm');
  await runAll(ctx, ["replace 1 Dense(10, activation='relu')", 'fit epochs=1 verbose=0', 'fit epochs=1 batch_size=8 verbose=0']);
  assert.deepEqual(fake.asked.slice(4), ['wasm@32', 'cpu@1', 'wasm@32', 'wasm@32', 'wasm@8', 'cpu@1', 'wasm@8', 'wasm@8']);
});

test("each backend keeps its best round: one slowed by the machine's load in one round is not misjudged", async () => {
  const rounds: Record<string, number[]> = { wasm: [100, 300, 120], cpu: [200, 150, 180] };
  freshProcess(async (name, _plan, _compile, batch) => ({ stepsPerSecond: batch.rows === 1 ? 1000 : rounds[name]!.shift()!, steps: 10 }));
  const ctx = createContext({ columns: 200 });
  await runAll(ctx, [...IRIS, "replace 1 Dense(14, activation='relu')", 'fit epochs=1 verbose=0']);
  assert.match((await run(ctx, 'backend')).text, /^Backend: wasm \(auto: measured on this model at batch 32: wasm 300 steps\/s, cpu 200 steps\/s; /);
});

test('a later process reads the cached choice without measuring, and says it was cached', async () => {
  freshProcess(fakeTimer({ wasm: 100, cpu: 900 }).timer);
  await runAll(createContext({ columns: 200 }), [...IRIS, 'fit epochs=1 batch_size=24 verbose=0']);
  const later = fakeTimer({ wasm: 900, cpu: 100 });
  freshProcess(later.timer);
  const ctx = createContext({ columns: 200 });
  await runAll(ctx, [...IRIS, 'fit epochs=1 batch_size=24 verbose=0']);
  assert.deepEqual(later.asked, []);
  assert.equal(tf.getBackend(), 'cpu');
  assert.match((await run(ctx, 'backend')).text, /^Backend: cpu \(auto: measured on this model at batch 24: cpu 900 steps\/s, wasm 100 steps\/s; .* \(measured earlier, cached\)\)$/);
});

test('backend NAME forces that backend and measures nothing; a backend that fails to measure is left out', async () => {
  const fake = fakeTimer({ wasm: 100, cpu: 900 });
  freshProcess(fake.timer);
  const forced = createContext({ columns: 200 });
  await runAll(forced, ['backend wasm', ...IRIS, "replace 1 Dense(11, activation='relu')", 'fit epochs=1 verbose=0']);
  assert.deepEqual([fake.asked, tf.getBackend()], [[], 'wasm']);
  const failing: string[] = [];
  freshProcess(async (name) => {
    failing.push(name);
    if (name === 'cpu') throw new Error('no cpu today\nsecond line');
    return { stepsPerSecond: 42, steps: 3 };
  });
  const ctx = createContext({ columns: 200 });
  await runAll(ctx, [...IRIS, "replace 1 Dense(12, activation='relu')", 'fit epochs=1 verbose=0']);
  assert.match((await run(ctx, 'backend')).text, /^Backend: wasm \(auto: measured on this model at batch 32: wasm 42\.0 steps\/s; tensorflow: not set up \(klayers native setup\); cpu: failed \(no cpu today\); wasm is the fastest\)$/);
  assert.deepEqual(failing, ['wasm', 'cpu', 'wasm', 'wasm'], 'a backend that failed is not timed again');
});

test('a seeded fit gives the same losses with the measurement (real timing, throwaway model) as on that backend forced', async () => {
  freshProcess(null);
  const lines = ['seed 7', ...IRIS.slice(0, 1), "Dense(13, activation='relu')", 'Dropout(0.3)', "Dense(3, activation='softmax')", 'compile optimizer=adam', 'fit epochs=3 batch_size=16 verbose=0'];
  const measured = createContext({ columns: 200 });
  await runAll(measured, lines);
  const picked = tf.getBackend();
  assert.match((await run(measured, 'backend')).text, new RegExp(`^Backend: ${picked} \\(auto: measured on this model at batch 16: (wasm|cpu) [\\d.,]+ steps/s, (wasm|cpu) [\\d.,]+ steps/s; `));
  const forced = createContext({ columns: 200 });
  await runAll(forced, [`backend ${picked}`, ...lines]);
  const losses = (ctx: typeof measured) => ctx.session.training.history.map((e) => [e.logs['loss'], e.logs['val_loss']]);
  assert.equal(losses(measured).length, 3);
  assert.deepEqual(losses(measured), losses(forced));
  freshProcess(null); // the next run of the same session reads the cache and measures nothing
  const cached = createContext({ columns: 200 });
  await runAll(cached, lines);
  assert.deepEqual(losses(cached), losses(forced));
});
