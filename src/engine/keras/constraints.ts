/**
 * Keras applies each weight's constraint right after every optimizer step. tfjs stores the
 * constraint on the weight but its fit never applies it (only `LayerVariable.write` does), so the
 * training loop must call `applyConstraints` after each batch (e.g. in `onBatchEnd`).
 */
import * as tf from '../backend/tf.js';

/** Project every constrained weight of `model` back into its constraint; returns how many. */
export function applyConstraints(model: tf.LayersModel): number {
  let applied = 0;
  for (const layer of model.layers) {
    for (const weight of layer.weights) {
      if (!weight.constraint) continue;
      // Not weight.write(weight.read()): write() skips everything when handed its own value.
      const constraint = weight.constraint;
      const variable = weight.read() as tf.Variable;
      tf.tidy(() => variable.assign(constraint.apply(variable)));
      applied++;
    }
  }
  return applied;
}

/** A tfjs fit callback that keeps constraints after every batch, as Keras does. */
export function constraintCallback(model: tf.LayersModel): tf.CustomCallbackArgs {
  return { onBatchEnd: async () => void applyConstraints(model) };
}
