/**
 * Native TensorFlow from the build `klayers native setup` made (src/native/layout.ts): tfjs-node's
 * kernel backend and addon, loaded directly (not tfjs-node's index, which needs the full
 * `@tensorflow/tfjs` bundle) and registered into klayers' own tfjs-core, so tfjs-layers sees it.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type * as TF from '../tf.js';
import { nativeLayout, SETUP_COMMAND } from '../../../native/layout.js';
import { registerNativeKernels } from './kernels.js';

/** Whether native TensorFlow loaded, with its version, or why not and the command that fixes it. */
export type NativeState = { readonly ok: true; readonly version: string; readonly dir: string } | { readonly ok: false; readonly why: string };

let state: NativeState | undefined;

/** Register and start the `tensorflow` backend from the setup build; never throws. */
export async function startNative(tf: typeof TF): Promise<NativeState> {
  if (state?.ok) return (await tf.setBackend('tensorflow')) ? state : { ok: false, why: 'the tensorflow backend did not start' };
  const layout = nativeLayout();
  if (!existsSync(layout.entry)) {
    return (state = { ok: false, why: `native TensorFlow is not set up; run '${SETUP_COMMAND}'` });
  }
  try {
    // TensorFlow reads its thread pools' sizes once, when the library loads: use every core.
    const threads = String(availableParallelism());
    process.env['TF_NUM_INTRAOP_THREADS'] ??= threads;
    process.env['TF_NUM_INTEROP_THREADS'] ??= threads;
    process.env['TF_CPP_MIN_LOG_LEVEL'] ??= '2';
    // With oneDNN's custom ops on, TensorFlow 2.21 writes two lines to stderr as it starts, whatever
    // TF_CPP_MIN_LOG_LEVEL says: they would land in the REPL's screen. Off, it prints nothing, and
    // its float results are those of the plain Eigen kernels (set it to 1 to choose oneDNN).
    process.env['TF_ENABLE_ONEDNN_OPTS'] ??= '0';
    const entry = createRequire(import.meta.url)(layout.entry) as { version: string; register(core: typeof TF): void };
    if (!tf.findBackendFactory('tensorflow')) entry.register(tf);
    if (!(await tf.setBackend('tensorflow'))) return (state = { ok: false, why: `the tensorflow backend did not start; run '${SETUP_COMMAND}'` });
    registerNativeKernels();
    return (state = { ok: true, version: entry.version, dir: layout.root });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return (state = { ok: false, why: `native TensorFlow failed to load (${first}); run '${SETUP_COMMAND}'` });
  }
}

/** What setup recorded (its check), or undefined when setup has not finished. */
export function setupRecord(): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(nativeLayout().stamp, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
