/**
 * Keras weights a loss (and each metric) by the mask the model's output carries: masked steps
 * count 0 and the mean is taken over the unmasked ones (`apply_mask` in keras/src/losses/loss.py:
 * weights `mask * total / (valid + epsilon)`, then the usual mean). tfjs hands a loss only
 * (yTrue, yPred), so the last layer keeps a copy of the mask it passes on, and the loss reads it
 * right after tfjs's executor ran the model for that batch.
 */
import * as tf from '../backend/tf.js';

/** Keras's backend epsilon. */
const EPSILON = 1e-7;

const lastMask = new WeakMap<tf.LayersModel, tf.Tensor>();

type Kwargs = Parameters<tf.layers.Layer['call']>[1];

/** Makes `last`, the model's last layer, record the mask its output carries for `model`. */
export function trackOutputMask(model: tf.LayersModel, last: tf.layers.Layer): void {
  const call = last.call.bind(last);
  last.call = (inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs) => {
    const received = (kwargs as { mask?: tf.Tensor | tf.Tensor[] } | undefined)?.mask;
    // The layer's own rule (src/engine/keras/masks.ts) says which mask its output carries.
    const output = tf.tidy(() => {
      const masks = last.computeMask(inputs, received);
      const first = Array.isArray(masks) ? masks[0] : masks;
      return first ? tf.clone(first) : undefined;
    });
    lastMask.get(model)?.dispose();
    if (output) lastMask.set(model, tf.keep(output));
    else lastMask.delete(model);
    return call(inputs, kwargs);
  };
}

/** Frees the recorded mask of `model` (when the model is disposed). */
export function forgetOutputMask(model: tf.LayersModel): void {
  lastMask.get(model)?.dispose();
  lastMask.delete(model);
}

type PerSample = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** `fn` weighted by the output mask of the batch `model` just computed, as Keras weights it. */
export function maskedBy(model: tf.LayersModel, fn: PerSample): PerSample {
  const masked: PerSample = (yTrue, yPred) => {
    const values = fn(yTrue, yPred);
    const mask = lastMask.get(model);
    if (!mask || mask.isDisposed || values.shape.join() !== mask.shape.join()) return values;
    return tf.tidy(() => {
      const weights = tf.cast(mask, 'float32');
      const scale = tf.div(weights.size, tf.add(tf.sum(weights), EPSILON));
      return tf.mul(values, tf.mul(weights, scale));
    });
  };
  Object.defineProperty(masked, 'name', { value: fn.name }); // tfjs logs a metric by its name
  return masked;
}
