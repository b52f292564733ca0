/**
 * A model larger than memory is refused from its plan, before the engine allocates anything:
 * the decision is tested with small stand-ins for the free memory and the wasm heap, so no test
 * allocates (or would allocate, if the check broke) more than a few megabytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../src/commands/context.js';
import { createEngineHandle } from '../../src/session/engine-handle.js';
import { createSession } from '../../src/session/klayers-session.js';
import { checkMemory, type MemoryLimits } from '../../src/session/memory-budget.js';
import type { ModelPlan } from '../../src/layers/types.js';
import { run, runAll } from '../helpers/run.js';
import { stubEngine } from '../helpers/stub-engine.js';
import { nativeDir } from './fixtures/native-dir.js';

// auto's measured choices go to a cache of this run's own (a cached one would say so in `backend`),
// and native TensorFlow is absent, as the auto test expects, even on a machine where setup ran.
process.env['KLAYERS_CACHE'] = mkdtempSync(join(tmpdir(), 'klayers-memory-cache-'));
process.env['KLAYERS_NATIVE_DIR'] = nativeDir('absent');

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** A context whose engine sees `limits` instead of the machine's memory. */
function limitedContext(limits: MemoryLimits, backend = 'cpu') {
  return createContext({ columns: 80, session: createSession({ engine: createEngineHandle(backend, limits) }) });
}

/** The plan of a model typed as `lines`, on an engine that never loads tfjs (nothing is built). */
async function planOf(lines: readonly string[]): Promise<ModelPlan> {
  const ctx = createContext({ columns: 80, session: createSession({ engine: stubEngine() }) });
  await runAll(ctx, lines);
  return ctx.session.model.plan();
}

function refusal(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail('expected a refusal');
}

test("the refusal names the weights' size (as the summary prints it), the free memory and the wasm heap", async () => {
  const limits = { freeBytes: () => 21.4 * GiB, wasmHeapBytes: 4294901760 };
  const huge = await planOf(['Input(shape=(4,))', 'Dense(1000000000)']); // 5,000,000,000 parameters
  const summary = (await runAll(createContext({ columns: 80, session: createSession({ engine: stubEngine() }) }), ['Input(shape=(4,))', 'Dense(1000000000)', 'summary'])).at(-1)!;
  assert.match(summary, /18\.63 GB/);
  const message = refusal(() => checkMemory(huge, { kind: 'build' }, 'wasm', limits));
  assert.equal(message, "The model's weights need 18.63 GB; this machine has 21.40 GB free and the wasm backend holds at most 4.00 GB. Make the layers smaller or switch to the cpu backend with 'backend cpu'.");
  assert.equal(
    refusal(() => checkMemory(huge, { kind: 'build' }, 'cpu', { ...limits, freeBytes: () => 8 * GiB })),
    "The model's weights need 18.63 GB; this machine has 8.00 GB free. Make the layers smaller.",
  );
  checkMemory(await planOf(['Input(shape=(4,))', 'Dense(1000000)']), { kind: 'build' }, 'wasm', limits); // 19 MB: fine
});

test('a wide Conv2D is refused for its activations per batch, though its weights are small', async () => {
  const conv = await planOf(['Input(shape=(28, 28, 1))', 'Conv2D(1000000, 3)']);
  const limits = { freeBytes: () => 21.4 * GiB, wasmHeapBytes: 4294901760 };
  checkMemory(conv, { kind: 'build' }, 'wasm', limits); // 38 MB of weights
  const message = refusal(() => checkMemory(conv, { kind: 'fit', batchSize: 32 }, 'wasm', limits));
  assert.match(message, /^Training this model needs about [\d.]+ GB \([\d.]+ MB of weights, gradients and optimizer state, [\d.]+ GB of activations for a batch of 32\); this machine has 21\.40 GB free and the wasm backend holds at most 4\.00 GB\. Make the layers smaller or lower batch_size\.$/);
});

test('inspect, fit, predict and save model refuse a model larger than memory before building it; summary and editing still work', async () => {
  // 1 MB free: Dense(100000), Dense(3) on iris has 800,103 parameters (3.05 MB).
  const ctx = limitedContext({ freeBytes: () => 1 * MiB, wasmHeapBytes: 4294901760 });
  const tf = await import('../../src/engine/backend/tf.js');
  await runAll(ctx, ['load builtin:iris', 'Dense(100000)', 'Dense(3)', 'summary']);
  const tensors = tf.memory().numTensors;
  const dir = join(mkdtempSync(join(tmpdir(), 'klayers-memory-')), 'big');
  for (const line of ['inspect 1', 'fit epochs=1', 'predict 5.1,3.5,1.4,0.2', `save model ${dir}`]) {
    const r = await run(ctx, line);
    assert.equal(r.ok, false, `${line} was accepted:\n${r.text}`);
    assert.match(r.text, /^Error: (The model's weights need 3\.05 MB|(Training|Running) this model needs about [\d.]+ MB \(.*\)); this machine has 1\.00 MB free\. Make the layers smaller( or lower batch_size)?\.$/, line);
  }
  assert.equal(ctx.session.engine.hasModel, false, 'no model was built');
  assert.equal(tf.memory().numTensors, tensors, 'no tensor was allocated');
  assert.equal(existsSync(dir), false);
  // Editing and summary allocate nothing; a model that fits then trains.
  await runAll(ctx, ['summary', 'set 1 units=8', 'summary', 'fit epochs=1 verbose=0', 'inspect 1']);
});

test('a crafted model.json describing a model larger than memory is refused before it is built', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'klayers-memory-')), 'm');
  await runAll(limitedContext({ freeBytes: () => 64 * MiB, wasmHeapBytes: 4294901760 }), ['load builtin:iris', 'Dense(3)', `save model ${dir}`]);
  const path = join(dir, 'model.json');
  writeFileSync(path, readFileSync(path, 'utf8').replaceAll('"units":3', '"units":100000'));
  const ctx = limitedContext({ freeBytes: () => 1 * MiB, wasmHeapBytes: 4294901760 });
  const tf = await import('../../src/engine/backend/tf.js');
  await runAll(ctx, ['load builtin:iris']);
  const tensors = tf.memory().numTensors;
  const r = await run(ctx, `load model ${dir}`);
  assert.equal(r.ok, false, r.text);
  assert.match(r.text, /The model's weights need 1\.91 MB; this machine has 1\.00 MB free\. Make the layers smaller\./);
  assert.equal(tf.memory().numTensors, tensors, 'nothing was built');
  assert.equal(ctx.session.model.state.layers.length, 0);
});

test('the wasm heap limits a model that the free memory would hold: wasm refuses it naming the cpu backend, and auto trains it on cpu, saying why', async () => {
  const ctx = limitedContext({ freeBytes: () => 64 * GiB, wasmHeapBytes: 1 * MiB }, 'wasm');
  await runAll(ctx, ['load builtin:iris', 'Dense(20000)', 'Dense(3)']);
  const r = await run(ctx, 'fit epochs=1');
  assert.equal(r.ok, false, r.text);
  assert.match(r.text, /Training this model needs about [\d.]+ MB \(.*\); this machine has 64\.00 GB free and the wasm backend holds at most 1\.00 MB\. Make the layers smaller, lower batch_size, or switch to the cpu backend with 'backend cpu'\./);
  assert.equal(ctx.session.engine.hasModel, false);
  const auto = limitedContext({ freeBytes: () => 64 * GiB, wasmHeapBytes: 1 * MiB }, 'auto');
  await runAll(auto, ['load builtin:iris', 'Dense(20000)', 'Dense(3)', 'fit epochs=1 verbose=0']);
  assert.match((await run(auto, 'backend')).text, /^Backend: cpu \(auto: measured on this model at batch 32: cpu [\d.,]+ steps\/s; tensorflow: .*; wasm: the model does not fit in its memory; cpu is the fastest\)$/);
});
