/**
 * Start tfjs's wasm backend the way klayers needs it: able to train every layer in the catalog,
 * and leaving the process as it found it.
 */
import type * as TF from '../tf.js';
import { registerWasmConvGradients } from './conv-grad.js';
import { registerWasmSegmentSum } from './segment-sum.js';
import { registerWasmMatMul } from './matmul.js';
import { registerHostMaxPoolGrad } from '../max-pool-grad.js';
import { registerWasmCopies } from './copies.js';

const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'];
type Listener = (...args: unknown[]) => void;
const listenersOf = (event: string) => process.listeners(event as 'uncaughtException') as Listener[];

/** What klayers adds to the stock wasm backend (shown by `backend`). */
export const WASM_ADDITIONS = 'conv gradients registered';

/*
 * Threads: wasm runs single-threaded under Node, and cannot be made to use both cores (checked with
 * tfjs-backend-wasm 4.22 on Node 20). The package reports WASM_HAS_MULTITHREAD_SUPPORT false
 * whenever IS_NODE (tfjs issue 3830). Forcing the flag true loads
 * `tfjs-backend-wasm-threaded-simd.wasm`, but its Emscripten glue starts each pthread with the
 * browser's `new Worker(blob:...)` (the worker script is inlined as a blob URL; no
 * `.worker.js` for the threaded build is shipped), and Node's worker_threads refuses blob URLs
 * (ERR_WORKER_PATH): setBackend('wasm') then fails. Running it would need a hand-made pthread
 * worker shim for the package's glue code, so the SIMD build without threads stays.
 */

/**
 * Import `@tensorflow/tfjs-backend-wasm`, register the kernels it lacks, and switch to it.
 * Resolves false (printing nothing) when the package is missing or wasm cannot start; resolves
 * true at once when wasm is already the backend.
 *
 * The package's Emscripten loader installs process-wide `uncaughtException` and
 * `unhandledRejection` handlers that rethrow from inside its minified bundle, so any later crash
 * would print a screenful of wasm glue code instead of the error; they are removed again.
 */
export async function startWasm(tf: typeof TF): Promise<boolean> {
  if (tf.getBackend() === 'wasm') return true;
  const before = new Map(PROCESS_EVENTS.map((e) => [e, new Set(listenersOf(e))]));
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmConvGradients();
    registerWasmSegmentSum();
    registerWasmMatMul();
    registerHostMaxPoolGrad('wasm');
    registerWasmCopies();
    return await withoutWarnings(() => tf.setBackend('wasm'));
  } catch {
    return false;
  } finally {
    for (const event of PROCESS_EVENTS) {
      for (const listener of listenersOf(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
  }
}

/** tfjs reports a failed backend start through console.warn; `auto` then quietly uses cpu. */
async function withoutWarnings<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.warn;
  console.warn = () => {};
  try {
    return await fn();
  } finally {
    console.warn = original;
  }
}

/**
 * Replace the wasm backend with a fresh instance (a new WebAssembly heap) and switch to it: after
 * a fault such as `memory access out of bounds` the old heap cannot be trusted. Every tensor on
 * the old backend must be freed first; its models cannot be used afterwards. Resolves false when
 * wasm does not start again.
 */
export async function restartWasm(tf: typeof TF): Promise<boolean> {
  const engine = tf.engine();
  const entry = engine.registryFactory['wasm'];
  if (!entry) return false;
  try {
    tf.removeBackend('wasm');
  } catch {
    // A broken heap may fail to dispose: drop the instance without it.
    delete engine.registry['wasm'];
    delete engine.registryFactory['wasm'];
  }
  tf.registerBackend('wasm', entry.factory, entry.priority);
  try {
    return await withoutWarnings(() => tf.setBackend('wasm'));
  } catch {
    return false;
  }
}
