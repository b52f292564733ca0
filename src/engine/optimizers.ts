/**
 * Keras optimizers (with every argument already filled in by src/train) as tfjs optimizers.
 * SGD with momentum, RMSprop and Adagrad follow the same update rules in both libraries; Adam
 * differs only in where epsilon sits (Keras adds it to sqrt(v) before the bias correction of the
 * step size, tfjs after), which shows in the 7th digit of early steps.
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerConfig } from '../train/optimizer-config.js';
import { EngineUnsupported } from './errors.js';

const num = (o: OptimizerConfig, key: string) => o.config[key] as number;
const flag = (o: OptimizerConfig, key: string) => o.config[key] === true;

/** A new tfjs optimizer (with fresh state) for a Keras optimizer config. */
export function createOptimizer(o: OptimizerConfig): tf.Optimizer {
  const lr = num(o, 'learning_rate');
  switch (o.className) {
    case 'Adam':
      if (flag(o, 'amsgrad')) throw new EngineUnsupported('tfjs has no AMSGrad variant of Adam: amsgrad=True cannot be honoured.', 'Leave out amsgrad=True.');
      return tf.train.adam(lr, num(o, 'beta_1'), num(o, 'beta_2'), num(o, 'epsilon'));
    case 'SGD':
      if (num(o, 'momentum') === 0 && !flag(o, 'nesterov')) return tf.train.sgd(lr);
      return tf.train.momentum(lr, num(o, 'momentum'), flag(o, 'nesterov'));
    case 'RMSprop':
      return tf.train.rmsprop(lr, num(o, 'rho'), num(o, 'momentum'), num(o, 'epsilon'), flag(o, 'centered'));
    case 'Adagrad':
      if (num(o, 'epsilon') !== 1e-7) throw new EngineUnsupported(`tfjs's Adagrad fixes epsilon at 1e-07. Received: epsilon=${num(o, 'epsilon')}`, 'Leave out epsilon=.');
      return tf.train.adagrad(lr, num(o, 'initial_accumulator_value'));
  }
}
