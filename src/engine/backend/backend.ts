/**
 * Backend choice. This is the only file that knows which tfjs backend runs; the rest of the engine
 * works on whatever `loadTf()` returns. The user's choice (`backend auto|tensorflow|wasm|cpu`) is
 * made with `initBackend`; under `auto`, `chooseTrainingBackend(plan)` may then move between wasm
 * and cpu as each model requires. Both decisions are made here and nowhere else.
 *
 * tfjs is imported lazily so the REPL can show its first prompt before tfjs has loaded.
 */
import type * as TF from './tf.js';
import type { ModelPlan } from '../../layers/types.js';
import { engineLoadStarted } from './load-clock.js';
import { quietFirstTensor } from './quiet.js';
import { restartWasm, startWasm, WASM_ADDITIONS } from './wasm/load.js';
import { wasmTrainingBlockers } from './wasm/support.js';
import { measuredChoice } from './measured-choice.js';
import { startNative } from './native/load.js';
import { registerHostMaxPoolGrad } from './max-pool-grad.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

/** Which backend runs, and why (shown by the REPL's `backend` command and `--verbose`). */
export interface BackendInfo {
  readonly name: BackendName;
  readonly reason: string;
  /** Milliseconds from the engine starting to load until tfjs (and native TensorFlow when set up) was ready. */
  readonly importMs: number;
}

const WASM_REASON = `fastest JS backend for Dense/LSTM; ${WASM_ADDITIONS}`;
/** Why native TensorFlow is not used (or which one is), set by tryNative. */
let nativeWhy = 'native TensorFlow is not set up';

let tfModule: Promise<typeof TF> | undefined;
let chosen: BackendInfo | undefined;
let pending: Promise<BackendInfo> | undefined;
let pendingChoice: BackendChoice | undefined;
let importMs = 0;

/** Import tfjs (./tf.js) once; later calls return the same module. */
export function loadTf(): Promise<typeof TF> {
  tfModule ??= (async () => {
    const tf = await import('./tf.js');
    // Counted from the engine's first module: other engine modules may have imported tfjs already.
    importMs += performance.now() - engineLoadStarted;
    return tf;
  })();
  return tfModule;
}

/** The backend in use; throws if `initBackend` has not run yet. */
export function backendInfo(): BackendInfo {
  if (!chosen) throw new Error('The tfjs backend is not initialized yet; call initBackend() first.');
  return chosen;
}

/**
 * Choose and start the backend. `auto` prefers native TensorFlow (built by `klayers native setup`), then
 * wasm, then the pure-JS cpu backend. Repeating the same choice returns the same decision; a new
 * choice switches backends (tensors move lazily, models keep working).
 */
export function initBackend(choice: BackendChoice = 'auto'): Promise<BackendInfo> {
  if (pending && pendingChoice !== choice) pending = undefined;
  pendingChoice = choice;
  pending ??= startBackend(choice).then(
    (info) => (chosen = info),
    (error: unknown) => {
      pending = undefined; // an explicit choice that failed may be retried with another one
      throw error;
    },
  );
  return pending;
}

/** The backend in use, making the `auto` choice when none was made yet. */
export async function ensureBackend(): Promise<BackendInfo> {
  await (pending ?? initBackend('auto'));
  return backendInfo();
}

/**
 * Call before training `plan`. An explicit choice (and native TensorFlow) is kept as it is; under
 * `auto` the fastest JS backend that can train this model is switched to: wasm, unless the model
 * has a layer wasm cannot train, then cpu. Returns what is used and why.
 */
export async function chooseTrainingBackend(plan: ModelPlan): Promise<BackendInfo> {
  const current = await ensureBackend();
  if (pendingChoice !== 'auto') return current;
  // A choice measured for this architecture (src/engine/auto) wins over the rule below.
  const measured = measuredChoice(plan);
  if (measured && (await switchBackend(measured.name))) return (chosen = info(measured.name, measured.reason));
  const tf = await loadTf();
  if (nativeLoaded(tf)) {
    if (current.name !== 'tensorflow') await switchBackend('tensorflow');
    return current.name === 'tensorflow' ? current : (chosen = info('tensorflow', 'auto: tfjs-node is installed: native TensorFlow'));
  }
  const blockers = wasmTrainingBlockers(plan);
  if (blockers.length === 0 && (await startWasm(tf))) {
    return (chosen = info('wasm', `auto: ${nativeWhy}; ${WASM_REASON}`));
  }
  await startCpu(tf);
  const why = blockers.length > 0 ? `the model has ${blockers.join(', ')}, which wasm cannot train` : 'wasm could not start';
  return (chosen = info('cpu', `auto: ${nativeWhy}; ${why}; using the JS cpu backend`));
}

/**
 * The backend `chooseTrainingBackend(plan)` would train `plan` on, without switching to it (wasm
 * assumed to start), so its memory limit can be checked before anything is built.
 */
export async function plannedTrainingBackend(plan: ModelPlan): Promise<BackendName> {
  const current = await ensureBackend();
  if (pendingChoice !== 'auto') return current.name;
  const measured = measuredChoice(plan);
  if (measured) return measured.name;
  if (nativeLoaded(await loadTf())) return 'tensorflow';
  return wasmTrainingBlockers(plan).length === 0 ? 'wasm' : 'cpu';
}

/** Whether the user's choice is `auto` (the one the measurement in src/engine/auto serves). */
export function autoChosen(): boolean {
  return pendingChoice === 'auto';
}

/** Whether native TensorFlow (tfjs-node) loaded, so `auto` may train on it. */
export function nativeLoaded(tf: typeof TF): boolean {
  return tf.findBackendFactory('tensorflow') !== null;
}

/**
 * Switch to `name` without changing the user's choice (the measurement tries each backend in
 * turn; tensors move between backends lazily). Resolves false when it cannot start.
 */
export async function switchBackend(name: BackendName): Promise<boolean> {
  const tf = await loadTf();
  if (tf.getBackend() === name) return true;
  if (name === 'wasm') return startWasm(tf);
  if (name === 'tensorflow') return nativeLoaded(tf) && (await tf.setBackend('tensorflow'));
  await startCpu(tf);
  return true;
}

/** A wasm trap (the heap overflowed or was corrupted), as opposed to an ordinary tfjs error. */
function isWasmFault(error: unknown): boolean {
  if (error instanceof WebAssembly.RuntimeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /memory access out of bounds|out of memory|Aborted\(|unreachable|Cannot enlarge memory/i.test(message);
}

/** Whether the current backend still computes 1 + [1, 2, 3] correctly. */
function computes(tf: typeof TF): boolean {
  try {
    const out = tf.tidy(() => tf.add(tf.tensor1d([1, 2, 3]), tf.scalar(1)).dataSync());
    return out[0] === 2 && out[1] === 3 && out[2] === 4;
  } catch {
    return false;
  }
}

/**
 * After an engine call failed with `error`: when it was a wasm fault, or the backend no longer
 * computes, the wasm backend is restarted with a fresh heap (or, if it will not start, the cpu
 * backend is used). `release` must free every model first (their tensors die with the heap).
 * Returns a note saying what was done, or null when the backend was fine.
 */
export async function recoverBackend(error: unknown, release: () => void): Promise<string | null> {
  const tf = await loadTf();
  if (tf.getBackend() !== 'wasm' || (!isWasmFault(error) && computes(tf))) return null;
  try {
    release();
  } catch {
    // the models' tensors may not free on a broken heap; the restart drops them with it
  }
  if ((await restartWasm(tf)) && computes(tf)) return 'The wasm backend was restarted with a fresh heap; the model starts again from new initial weights.';
  await startCpu(tf);
  chosen = info('cpu', 'the wasm backend failed and could not restart; using the JS cpu backend');
  return 'The wasm backend failed and could not restart, so the cpu backend runs from now on; the model starts again from new initial weights.';
}

async function startBackend(choice: BackendChoice): Promise<BackendInfo> {
  const tf = await loadTf();
  if (choice === 'auto' || choice === 'tensorflow') {
    if (await tryNative(tf)) return info('tensorflow', `${choice === 'auto' ? 'auto: ' : ''}${nativeWhy}`);
    if (choice === 'tensorflow') {
      throw new Error(`The tensorflow backend is not available: ${nativeWhy}. Or use 'backend wasm' or 'backend cpu'.`);
    }
  }
  if (choice === 'auto' || choice === 'wasm') {
    const started = performance.now();
    const wasm = await startWasm(tf);
    importMs += performance.now() - started;
    if (wasm) return info('wasm', choice === 'auto' ? `auto: ${nativeWhy}; ${WASM_REASON}` : `the wasm backend was requested; ${WASM_ADDITIONS}`);
    if (choice === 'wasm') {
      throw new Error(
        "The wasm backend could not start: the package '@tensorflow/tfjs-backend-wasm' is missing or failed " +
          "to load. Use 'backend cpu' (or auto), or reinstall it with 'npm install @tensorflow/tfjs-backend-wasm'.",
      );
    }
  }
  await startCpu(tf);
  return info('cpu', choice === 'cpu' ? 'the cpu backend was requested' : `auto: ${nativeWhy} and wasm could not start; using the JS cpu backend`);
}

function info(name: BackendName, reason: string): BackendInfo {
  return { name, reason, importMs: Math.round(importMs) };
}

/** Switch to the cpu backend without its "Hi, looks like you are running TensorFlow.js" banner. */
async function startCpu(tf: typeof TF): Promise<void> {
  await tf.setBackend('cpu');
  registerHostMaxPoolGrad('cpu');
  quietFirstTensor(tf);
}

/**
 * Use native TensorFlow from the build `klayers native setup` made (./native/load.ts). Any failure
 * means "not available", prints nothing, and is kept as the reason `backend` shows.
 */
async function tryNative(tf: typeof TF): Promise<boolean> {
  const started = performance.now();
  const state = await startNative(tf);
  importMs += performance.now() - started;
  nativeWhy = state.ok ? `native TensorFlow ${state.version}` : state.why;
  return state.ok;
}
