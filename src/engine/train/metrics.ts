/**
 * Keras 3 metrics that are a per-sample value averaged over the epoch (weighted by batch size,
 * which is what Keras's stateful mean gives), as tfjs metric functions.
 */
import * as tf from '../backend/tf.js';
import type { MetricFunction } from '../../core/training.js';
import { lossFunction, type TensorLoss } from './losses.js';

const METRICS: Readonly<Record<MetricFunction, TensorLoss>> = {
  // Keras: the prediction counts as 1 when > 0.5.
  binary_accuracy: (y, p) => tf.mean(tf.cast(tf.equal(y, tf.cast(tf.greater(p, 0.5), y.dtype)), 'float32'), -1),
  categorical_accuracy: (y, p) => tf.cast(tf.equal(tf.argMax(y, -1), tf.argMax(p, -1)), 'float32'),
  sparse_categorical_accuracy: (y, p) => {
    const labels = tf.cast(y.rank === p.rank ? tf.squeeze(y, [-1]) : y, 'int32');
    return tf.cast(tf.equal(labels, tf.argMax(p, -1)), 'float32');
  },
  mean_absolute_error: lossFunction('mean_absolute_error'),
  mean_squared_error: lossFunction('mean_squared_error'),
  mean_absolute_percentage_error: lossFunction('mean_absolute_percentage_error'),
  mean_squared_logarithmic_error: lossFunction('mean_squared_logarithmic_error'),
};

/**
 * A tfjs metric function that tfjs logs under `logName` (tfjs names a function metric by its
 * `name`; a fresh closure keeps two metrics with the same function apart).
 */
export function metricFunction(fn: MetricFunction, logName: string): TensorLoss {
  const metric = METRICS[fn];
  const named = (y: tf.Tensor, p: tf.Tensor) => tf.tidy(() => metric(y, p));
  Object.defineProperty(named, 'name', { value: logName });
  return named;
}
