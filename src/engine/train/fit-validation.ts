/**
 * The validation pass of an epoch that a stop ended early. Keras's fit loop, when stop_training
 * is set inside an epoch, leaves the batch loop and still validates and ends that epoch
 * (keras/src/backend/jax/trainer.py); tfjs validates only after an epoch's last batch, so the
 * stopped epoch would otherwise have no val_loss.
 */
import * as tf from '../backend/tf.js';

/** `val_loss`, `val_<metric>` of `model` on (x, y), evaluated in batches as tfjs's fit does. */
export function validationLogs(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, batchSize: number): Record<string, number> {
  return valLogs(model, model.evaluate(x, y, { batchSize }));
}

/** The same over a streamed validation split (a tf.data dataset read from the file). */
export async function streamedValidationLogs(model: tf.LayersModel, data: tf.data.Dataset<tf.TensorContainer>): Promise<Record<string, number>> {
  return valLogs(model, await model.evaluateDataset(data as tf.data.Dataset<{ xs: tf.Tensor; ys: tf.Tensor }>, {}));
}

/** Evaluate's scalars as `val_` logs, in the model's metric order; the scalars are disposed. */
function valLogs(model: tf.LayersModel, result: tf.Scalar | tf.Scalar[]): Record<string, number> {
  const scalars = Array.isArray(result) ? result : [result];
  try {
    return Object.fromEntries(model.metricsNames.map((name, i) => [`val_${name}`, scalars[i]!.dataSync()[0]!]));
  } finally {
    tf.dispose(scalars);
  }
}
