import type { LossFunction, MetricFunction } from '../core/training.js';

/**
 * The Keras 3 loss and metric names klayers understands, and their canonical function. The name
 * the user typed is kept for display and logs (`metrics=['mae']` logs `mae`), as Keras does.
 */
export const LOSS_NAMES: Readonly<Record<string, LossFunction>> = {
  mse: 'mean_squared_error',
  mean_squared_error: 'mean_squared_error',
  mae: 'mean_absolute_error',
  mean_absolute_error: 'mean_absolute_error',
  mape: 'mean_absolute_percentage_error',
  mean_absolute_percentage_error: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error',
  mean_squared_logarithmic_error: 'mean_squared_logarithmic_error',
  huber: 'huber',
  log_cosh: 'log_cosh',
  categorical_crossentropy: 'categorical_crossentropy',
  sparse_categorical_crossentropy: 'sparse_categorical_crossentropy',
  binary_crossentropy: 'binary_crossentropy',
  kl_divergence: 'kl_divergence',
  kld: 'kl_divergence',
  poisson: 'poisson',
  hinge: 'hinge',
  squared_hinge: 'squared_hinge',
};

/** `accuracy` resolves to one of the three accuracies once the shapes are known. */
export const METRIC_NAMES: Readonly<Record<string, MetricFunction | 'accuracy'>> = {
  accuracy: 'accuracy',
  acc: 'accuracy',
  binary_accuracy: 'binary_accuracy',
  categorical_accuracy: 'categorical_accuracy',
  sparse_categorical_accuracy: 'sparse_categorical_accuracy',
  mae: 'mean_absolute_error',
  mean_absolute_error: 'mean_absolute_error',
  mse: 'mean_squared_error',
  mean_squared_error: 'mean_squared_error',
  mape: 'mean_absolute_percentage_error',
  mean_absolute_percentage_error: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error',
  mean_squared_logarithmic_error: 'mean_squared_logarithmic_error',
};

/** Keras metrics that keep state across batches (not a per-batch mean); klayers cannot track them yet. */
export const STATEFUL_METRICS = ['auc', 'precision', 'recall', 'root_mean_squared_error', 'r2_score', 'f1_score'] as const;

/**
 * Keras's choice for `accuracy` (keras/src/trainers/compile_utils.py): binary when the output has
 * one unit, sparse when the target has one column and the output several, categorical otherwise.
 */
export function resolveAccuracy(outputUnits: number, targetWidth: number): MetricFunction {
  if (outputUnits === 1) return 'binary_accuracy';
  if (targetWidth === 1) return 'sparse_categorical_accuracy';
  return 'categorical_accuracy';
}
