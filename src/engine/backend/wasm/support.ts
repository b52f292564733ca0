/**
 * Which models the wasm backend can train. Stock tfjs-backend-wasm 4.22 lacks a few gradient
 * kernels; klayers registers the ones its layers need (see wasm-load.ts), and this table lists
 * the layer classes a test has fitted on wasm (test/engine/wasm-training.test.ts loops over the
 * catalog, so a new layer type must be checked and added here before `auto` sends it to wasm).
 */
import type { ModelPlan } from '../../../layers/types.js';

/** Layer classes verified to train on wasm with klayers' registered kernels. */
export const WASM_TRAINABLE: ReadonlySet<string> = new Set([
  'InputLayer',
  'Dense',
  'Activation',
  'Dropout',
  'Flatten',
  'Reshape',
  'Permute',
  'Masking',
  'Lambda', // stepped slices need UnsortedSegmentSum, registered by klayers
  'Conv1D', // Conv1D and Conv2D need Conv2DBackpropFilter, registered by klayers
  'Conv2D',
  'MaxPooling1D',
  'MaxPooling2D',
  'AveragePooling1D',
  'AveragePooling2D',
  'SimpleRNN',
  'LSTM',
]);

/** Layer classes in `plan` that wasm has not been verified to train, in model order, once each. */
export function wasmTrainingBlockers(plan: ModelPlan): string[] {
  const blockers = plan.layers.map((l) => l.className).filter((c) => !WASM_TRAINABLE.has(c));
  return [...new Set(blockers)];
}
