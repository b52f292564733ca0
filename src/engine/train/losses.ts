/**
 * Keras 3 loss functions (keras/src/losses/losses.py) as per-sample tfjs functions: each reduces
 * the last axis; fit and evaluate then average over the batch ("sum_over_batch_size"), weighting
 * by class_weight when given. Probabilities are clipped to [1e-7, 1 - 1e-7] as Keras does.
 */
import * as tf from '../backend/tf.js';
import type { LossFunction } from '../../core/training.js';

/** Keras's backend epsilon. */
const EPSILON = 1e-7;

export type TensorLoss = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

const clip = (p: tf.Tensor) => tf.clipByValue(p, EPSILON, 1 - EPSILON);
/** Keras normalizes the predicted distribution before taking its log. */
const normalized = (p: tf.Tensor) => clip(tf.div(p, tf.sum(p, -1, true)));

/** Class indices from a `[batch, 1]` or `[batch]` target. */
function sparseLabels(y: tf.Tensor, p: tf.Tensor): tf.Tensor {
  return tf.cast(y.rank === p.rank ? tf.squeeze(y, [-1]) : y, 'int32');
}

/** Keras turns 0/1 labels into -1/1 for the hinge losses. */
function signedLabels(y: tf.Tensor): tf.Tensor {
  const binary = tf.all(tf.logicalOr(tf.equal(y, 0), tf.equal(y, 1)));
  return tf.where(binary, tf.sub(tf.mul(y, 2), 1), y);
}

const LOSSES: Readonly<Record<LossFunction, TensorLoss>> = {
  mean_squared_error: (y, p) => tf.mean(tf.square(tf.sub(y, p)), -1),
  mean_absolute_error: (y, p) => tf.mean(tf.abs(tf.sub(y, p)), -1),
  mean_absolute_percentage_error: (y, p) => tf.mul(100, tf.mean(tf.abs(tf.div(tf.sub(y, p), tf.maximum(tf.abs(y), EPSILON))), -1)),
  mean_squared_logarithmic_error: (y, p) => tf.mean(tf.square(tf.sub(tf.log1p(tf.maximum(p, EPSILON)), tf.log1p(tf.maximum(y, EPSILON)))), -1),
  huber: (y, p) => {
    const error = tf.abs(tf.sub(p, y));
    // delta = 1.0: quadratic inside, linear outside.
    return tf.mean(tf.where(tf.lessEqual(error, 1), tf.mul(0.5, tf.square(error)), tf.sub(error, 0.5)), -1);
  },
  log_cosh: (y, p) => {
    const x = tf.sub(p, y);
    return tf.mean(tf.sub(tf.add(x, tf.softplus(tf.mul(-2, x))), Math.log(2)), -1);
  },
  categorical_crossentropy: (y, p) => tf.neg(tf.sum(tf.mul(y, tf.log(normalized(p))), -1)),
  sparse_categorical_crossentropy: (y, p) => {
    const classes = p.shape[p.shape.length - 1]!;
    return tf.neg(tf.sum(tf.mul(tf.oneHot(sparseLabels(y, p), classes), tf.log(normalized(p))), -1));
  },
  binary_crossentropy: (y, p) => {
    const q = clip(p);
    return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(q)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q)))), -1));
  },
  kl_divergence: (y, p) => {
    const t = tf.clipByValue(y, EPSILON, 1);
    return tf.sum(tf.mul(t, tf.log(tf.div(t, tf.clipByValue(p, EPSILON, 1)))), -1);
  },
  poisson: (y, p) => tf.mean(tf.sub(p, tf.mul(y, tf.log(tf.add(p, EPSILON)))), -1),
  hinge: (y, p) => tf.mean(tf.relu(tf.sub(1, tf.mul(signedLabels(y), p))), -1),
  squared_hinge: (y, p) => tf.mean(tf.square(tf.relu(tf.sub(1, tf.mul(signedLabels(y), p)))), -1),
};

/** The per-sample tfjs function of a Keras loss, named so tfjs logs it as `loss`. */
export function lossFunction(name: LossFunction): TensorLoss {
  const fn = LOSSES[name];
  return (y, p) => tf.tidy(() => fn(y, p));
}
