/**
 * A wasm fault (an oversized model's `memory access out of bounds`) leaves the wasm heap
 * unusable; the engine then restarts the wasm backend, so the next command works without
 * restarting klayers. The fault is stood in for by a heap allocator that traps, as the real one
 * does once the heap is exhausted, so the test allocates nothing large.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, runAll } from '../helpers/run.js';
import { createContext } from '../../src/commands/context.js';

interface WasmModule {
  _malloc(bytes: number): number;
}

/** Makes every allocation on the current wasm heap trap, as a heap broken by an overflow does. */
async function breakWasmHeap(): Promise<void> {
  const tf = await import('../../src/engine/backend/tf.js');
  assert.equal(tf.getBackend(), 'wasm');
  const wasm = (tf.backend() as unknown as { wasm: WasmModule }).wasm;
  wasm._malloc = () => {
    throw new WebAssembly.RuntimeError('memory access out of bounds');
  };
}

test('after a wasm fault inside a fit the backend is restarted and the next fit, predict and inspect work', async () => {
  const ctx = createContext({ columns: 80, backend: 'wasm' });
  await runAll(ctx, ['seed 1', 'load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", 'fit epochs=1 verbose=0']);
  await breakWasmHeap();
  const failed = await run(ctx, 'fit epochs=1 verbose=0');
  assert.equal(failed.ok, false, failed.text);
  assert.match(failed.text, /tfjs could not run this: memory access out of bounds/);
  assert.match(failed.text, /The wasm backend was restarted with a fresh heap/);
  const after = await runAll(ctx, ['fit epochs=1 verbose=0', 'predict 5.1,3.5,1.4,0.2', 'inspect 1', 'backend']);
  assert.match(after.at(-1)!, /Backend: wasm/);
  assert.match(after[0]!, /loss: \d/);
  assert.doesNotMatch(after.join('\n'), /NaN [1-9]|loss: nan/i);
});
