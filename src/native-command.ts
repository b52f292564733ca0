/**
 * `klayers native setup` and `klayers native status`: the CLI's side of native TensorFlow. Setup
 * builds (src/native/setup.ts), then checks the build against wasm (src/engine/backend/native/
 * check.ts) and records the check; status loads it and says which TensorFlow runs, or why not.
 */
import { writeFileSync } from 'node:fs';
import { nativeLayout, SETUP_COMMAND, TF_VERSION, TFJS_NODE_VERSION } from './native/layout.js';

/** `klayers native setup [--wheel PATH] [--index-url URL]`; returns the exit code. */
export async function nativeSetup(opts: { wheel?: string; indexUrl?: string }): Promise<number> {
  const { setupNative, SetupError } = await import('./native/setup.js');
  const layout = nativeLayout();
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  process.stdout.write(`Setting up native TensorFlow ${TF_VERSION} (tfjs-node ${TFJS_NODE_VERSION}'s addon) in ${layout.root}\n`);
  try {
    setupNative({ ...opts, log });
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    process.stderr.write(`klayers: ${error.message}\n`);
    return 1;
  }
  log('checking that it loads and agrees with the wasm backend on a small model');
  const { checkNative } = await import('./engine/backend/native/check.js');
  try {
    const check = await checkNative();
    if (!check.agrees) {
      process.stderr.write(`klayers: native TensorFlow ${check.version} loads but differs from wasm by ${check.maxDiff.toExponential(2)} on the check model.\n`);
      return 1;
    }
    writeFileSync(layout.stamp, `${JSON.stringify({ tensorflow: check.version, tfjsNode: TFJS_NODE_VERSION, maxDiffVsWasm: check.maxDiff, checkedAt: new Date().toISOString() }, null, 2)}\n`);
    process.stdout.write(`Native TensorFlow ${check.version} is set up: it loads, and matches wasm within ${check.maxDiff.toExponential(1)} on a Dense model. 'backend auto' and 'backend tensorflow' use it.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`klayers: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** `klayers native status`: which TensorFlow loads, or why not and the command that fixes it. */
export async function nativeStatus(): Promise<number> {
  const { loadTf } = await import('./engine/backend/backend.js');
  const { startNative, setupRecord } = await import('./engine/backend/native/load.js');
  const state = await startNative(await loadTf());
  if (!state.ok) {
    process.stdout.write(`Native TensorFlow: not available: ${state.why}.\n`);
    return 1;
  }
  const record = setupRecord();
  const checked = record ? `checked ${String(record['checkedAt'])}` : `not checked yet; run '${SETUP_COMMAND}'`;
  process.stdout.write(`Native TensorFlow ${state.version} loads from ${state.dir} (${checked}).\n`);
  const { loadOwnKernels } = await import('./engine/backend/native/own-kernels.js');
  process.stdout.write(loadOwnKernels() ? "klayers' own kernels for this CPU are loaded (the LSTM, Conv2D and MaxPooling2D's training pass run on them).\n" : `klayers' own kernels are not built; run '${SETUP_COMMAND}' (TensorFlow's own ops run instead).\n`);
  return 0;
}
