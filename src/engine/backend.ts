/**
 * Backend choice, made once at start-up. This is the only file that knows which tfjs backend runs;
 * the rest of the engine works on whatever `loadTf()` returns.
 *
 * tfjs is imported lazily so the REPL can show its first prompt before tfjs has loaded.
 */
import type * as TF from '@tensorflow/tfjs';
import { engineLoadStarted } from './load-clock.js';
import { quietFirstTensor } from './quiet.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

/** Which backend runs, and why (shown by the REPL's `backend` command and `--verbose`). */
export interface BackendInfo {
  readonly name: BackendName;
  readonly reason: string;
  /** Milliseconds from the engine starting to load until tfjs (and tfjs-node when present) was ready. */
  readonly importMs: number;
}

let tfModule: Promise<typeof TF> | undefined;
let chosen: BackendInfo | undefined;
let pending: Promise<BackendInfo> | undefined;
let pendingChoice: BackendChoice | undefined;
let importMs = 0;

/** Import `@tensorflow/tfjs` once; later calls return the same module. */
export function loadTf(): Promise<typeof TF> {
  tfModule ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    // Counted from the engine's first module: other engine modules may have imported tfjs already.
    importMs += performance.now() - engineLoadStarted;
    return tf;
  })();
  return tfModule;
}

/** The backend chosen by `initBackend`; throws if it has not run yet. */
export function backendInfo(): BackendInfo {
  if (!chosen) throw new Error('The tfjs backend is not initialized yet; call initBackend() first.');
  return chosen;
}

/**
 * Choose and start the backend. `auto` prefers native tfjs-node (an optional dependency) and falls
 * back to the pure-JS cpu backend. Repeating the same choice returns the same decision; a new
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

/** The backend already chosen, or the `auto` choice when none was made yet. */
export function ensureBackend(): Promise<BackendInfo> {
  return pending ?? initBackend('auto');
}

async function startBackend(choice: BackendChoice): Promise<BackendInfo> {
  const tf = await loadTf();
  if (choice === 'wasm') {
    if (await tryOptional(tf, '@tensorflow/tfjs-backend-wasm', 'wasm')) {
      return { name: 'wasm', reason: 'the wasm backend was requested', importMs: Math.round(importMs) };
    }
    throw new Error(
      "The wasm backend needs the package '@tensorflow/tfjs-backend-wasm', which is not installed. " +
        "Use --backend cpu (or auto), or install it with 'npm install @tensorflow/tfjs-backend-wasm'.",
    );
  }
  if (choice === 'auto' || choice === 'tensorflow') {
    const native = await tryNative(tf);
    if (native) return native;
    if (choice === 'tensorflow') {
      throw new Error(
        "The tensorflow backend needs '@tensorflow/tfjs-node' (an optional dependency), which is not " +
          "installed. Use --backend cpu, or install it with 'npm install @tensorflow/tfjs-node'.",
      );
    }
  }
  await tf.setBackend('cpu');
  quietFirstTensor(tf);
  const reason =
    choice === 'cpu'
      ? 'the cpu backend was requested'
      : 'tfjs-node is not installed (optional dependency); using the JS cpu backend';
  return { name: 'cpu', reason, importMs: Math.round(importMs) };
}

/** Use native TensorFlow through tfjs-node when it is installed. */
async function tryNative(tf: typeof TF): Promise<BackendInfo | undefined> {
  if (!(await tryOptional(tf, '@tensorflow/tfjs-node', 'tensorflow'))) return undefined;
  return { name: 'tensorflow', reason: 'tfjs-node is installed: native TensorFlow', importMs: Math.round(importMs) };
}

/**
 * Import an optional backend package and switch to its backend. Any failure (not installed, wrong
 * platform, failed init) means "not available" and prints nothing.
 */
async function tryOptional(tf: typeof TF, packageName: string, backend: string): Promise<boolean> {
  const started = performance.now();
  try {
    await import(packageName); // a variable specifier: TypeScript needs no types for optional packages
    importMs += performance.now() - started;
    return await tf.setBackend(backend);
  } catch {
    return false;
  }
}
