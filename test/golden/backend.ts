/**
 * The backend the Keras goldens build and train on: cpu in `npm test`;
 * KLAYERS_GOLDEN_BACKEND=wasm (or tensorflow, once `klayers native setup` ran) checks that backend
 * against the same Keras numbers.
 */
import { initBackend } from '../../src/engine/index.js';
import { getBackend } from '../../src/engine/backend/tf.js';
import type { BackendName } from '../../src/engine/backend/backend.js';

export const GOLDEN_BACKEND = (process.env['KLAYERS_GOLDEN_BACKEND'] ?? 'cpu') as BackendName;

/** Switch to the golden backend; call it after the session's lines, right before the engine builds. */
export async function useGoldenBackend(): Promise<void> {
  await initBackend(GOLDEN_BACKEND);
  if (getBackend() !== GOLDEN_BACKEND) throw new Error(`the goldens asked for ${GOLDEN_BACKEND} but run on ${getBackend()}`);
}
