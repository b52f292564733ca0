/**
 * Keras optimizers (with every argument already filled in by src/train) as tfjs optimizers that
 * compute Keras 3's updates (keras-optimizers.ts says where tfjs's own differ). The model is
 * saved without its optimizer, so nothing needs them registered for deserialization.
 */
import type * as tf from '../backend/tf.js';
import type { OptimizerConfig } from '../../core/training.js';
import { KerasAdagrad, KerasAdam, KerasRMSprop, KerasSGD } from './keras-optimizers.js';

/** A new optimizer (with fresh state) for a Keras optimizer config. */
export function createOptimizer(o: OptimizerConfig): tf.Optimizer {
  switch (o.className) {
    case 'Adam':
      return new KerasAdam(o.config);
    case 'SGD':
      return new KerasSGD(o.config);
    case 'RMSprop':
      return new KerasRMSprop(o.config);
    case 'Adagrad':
      return new KerasAdagrad(o.config);
  }
}
