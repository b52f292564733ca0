/**
 * Which of klayers' own layer ops compute their input's gradient. An op with a hand-written
 * gradient (conv2d-op.ts, dense-op.ts) computes every input's gradient tfjs hands it, while the
 * model's first layer reads the model's input, whose gradient nothing needs: first-layer.ts tells
 * that layer to skip it.
 */
import type * as tf from '../backend/tf.js';

const inputGradient = new WeakMap<tf.layers.Layer, { needed: boolean }>();

/** Registers `layer` as having its own op; the op reads `needed` on every call. */
export function ownInputGradient(layer: tf.layers.Layer): { readonly needed: boolean } {
  const state = { needed: true };
  inputGradient.set(layer, state);
  return state;
}

/** Whether `layer` has its own op; if so, it stops computing its input's gradient. */
export function dropInputGradient(layer: tf.layers.Layer): boolean {
  const state = inputGradient.get(layer);
  if (state) state.needed = false;
  return state !== undefined;
}
