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

/**
 * A per-row loss computed on the host: `loss(values)` gives one value per row of the last axis of
 * the predictions, `gradient(values, upstream)` the gradient of the predictions given each row's
 * upstream gradient. The backends klayers runs on keep tensors in this process's memory, so
 * reading a batch's predictions is a copy, and the loss is two passes instead of dozens of small
 * kernels.
 */
interface HostRows {
  loss(values: Float32Array): Float32Array;
  gradient(values: Float32Array, upstream: Float32Array): Float32Array;
}

/** The per-row loss of `p` as a differentiable tensor op. */
function hostRowLoss(p: tf.Tensor, rows: HostRows): tf.Tensor {
  const op = tf.customGrad(((pred: tf.Tensor, save: tf.GradSaveFunc) => {
    save([pred]);
    const gradFunc = (dy: tf.Tensor, [saved]: tf.Tensor[]): tf.Tensor =>
      tf.tensor(rows.gradient(saved!.dataSync() as Float32Array, dy.dataSync() as Float32Array), saved!.shape, 'float32');
    return { value: tf.tensor(rows.loss(pred.dataSync() as Float32Array), p.shape.slice(0, -1), 'float32'), gradFunc };
  }) as Parameters<typeof tf.customGrad>[0]);
  return op(p);
}

/**
 * Keras's categorical crossentropy (normalize, clip, log) per row on the host (HostRows): as
 * tensor ops it is ~10 kernels forward and ~20 backward on a batch's few class scores, a quarter of
 * an MLP's training step. The gradient is the tensor formula's, worked out: with q = p / Σp and
 * g_j = -t_j / q_j where the clip passes (ε ≤ q_j ≤ 1-ε, as tfjs's clipByValue gradient) and 0
 * elsewhere, ∂/∂p_k = (g_k - Σ_j g_j q_j) / Σp. Targets are class scores, or class indices when
 * `sparse` (an index out of range scores 0, as oneHot gives). Null for inputs other than float32
 * predictions, which take the tensor formula.
 */
function crossentropyRows(y: tf.Tensor, p: tf.Tensor, sparse: boolean): HostRows | null {
  if (p.dtype !== 'float32' || p.rank < 1 || (sparse ? y.size * p.shape[p.rank - 1]! !== p.size : y.size !== p.size)) return null;
  const classes = p.shape[p.rank - 1]!;
  const rows = p.size / classes;
  const targets = y.dataSync();
  const target = (row: number, j: number): number => (sparse ? (Math.trunc(targets[row]!) === j ? 1 : 0) : targets[row * classes + j]!);
  const rowTotal = (values: Float32Array, r: number) => {
    let total = 0;
    for (let j = 0; j < classes; j++) total += values[r * classes + j]!;
    return total;
  };
  const loss = (values: Float32Array) => {
    const losses = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      const total = rowTotal(values, r);
      let sum = 0;
      for (let j = 0; j < classes; j++) {
        const t = target(r, j);
        if (t !== 0) sum -= t * Math.log(Math.min(Math.max(values[r * classes + j]! / total, EPSILON), 1 - EPSILON));
      }
      losses[r] = sum;
    }
    return losses;
  };
  const gradient = (values: Float32Array, upstream: Float32Array) => {
    const grad = new Float32Array(values.length);
    const g = new Float64Array(classes);
    for (let r = 0; r < rows; r++) {
      const total = rowTotal(values, r);
      let dot = 0;
      for (let j = 0; j < classes; j++) {
        const q = values[r * classes + j]! / total;
        const t = target(r, j);
        g[j] = t !== 0 && q >= EPSILON && q <= 1 - EPSILON ? -t / q : 0;
        dot += g[j]! * q;
      }
      for (let j = 0; j < classes; j++) grad[r * classes + j] = (upstream[r]! * (g[j]! - dot)) / total;
    }
    return grad;
  };
  return { loss, gradient };
}

/**
 * Mean squared error over the last axis on the host (HostRows), and its gradient -2(y - p)/n
 * (three kernels forward and five backward as tensor ops). Null unless y and p are float32 of one
 * shape, which then take the tensor formula.
 */
function meanSquaredErrorRows(y: tf.Tensor, p: tf.Tensor): HostRows | null {
  if (p.dtype !== 'float32' || p.rank < 1 || !tf.util.arraysEqual(y.shape, p.shape)) return null;
  const n = p.shape[p.rank - 1]!;
  const targets = y.dataSync();
  const loss = (values: Float32Array) => {
    const losses = new Float32Array(values.length / n);
    for (let r = 0; r < losses.length; r++) {
      let sum = 0;
      for (let j = r * n; j < (r + 1) * n; j++) sum += (targets[j]! - values[j]!) ** 2;
      losses[r] = sum / n;
    }
    return losses;
  };
  const gradient = (values: Float32Array, upstream: Float32Array) => {
    const grad = new Float32Array(values.length);
    for (let i = 0; i < values.length; i++) grad[i] = (-2 * (targets[i]! - values[i]!) * upstream[Math.floor(i / n)]!) / n;
    return grad;
  };
  return { loss, gradient };
}

const onHost = (p: tf.Tensor, rows: HostRows | null) => (rows ? hostRowLoss(p, rows) : null);

/** The host form of the losses that have one, for `y` and `p` (null when they take the tensor formula). */
function hostRows(name: LossFunction, y: tf.Tensor, p: tf.Tensor): HostRows | null {
  if (name === 'mean_squared_error') return meanSquaredErrorRows(y, p);
  if (name === 'categorical_crossentropy' || name === 'sparse_categorical_crossentropy') return crossentropyRows(y, p, name === 'sparse_categorical_crossentropy');
  return null;
}

/**
 * The batch's loss as fit computes it (the mean of the per-sample losses) and its gradient with
 * respect to `p`, both on the host: the gradient of the mean gives every row 1/rows upstream, as
 * tfjs's Mean gradient does. Null for the losses without a host form.
 */
export function hostMeanLoss(name: LossFunction, y: tf.Tensor, p: tf.Tensor): { value: number; gradient: tf.Tensor } | null {
  const rows = hostRows(name, y, p);
  if (!rows) return null;
  const values = p.dataSync() as Float32Array;
  const losses = rows.loss(values);
  let sum = 0;
  for (const v of losses) sum += v;
  const upstream = new Float32Array(losses.length).fill(1 / losses.length);
  return { value: Math.fround(sum / losses.length), gradient: tf.tensor(rows.gradient(values, upstream), p.shape, 'float32') };
}

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
  mean_squared_error: (y, p) => onHost(p, meanSquaredErrorRows(y, p)) ?? tf.mean(tf.square(tf.sub(y, p)), -1),
  mean_absolute_error: (y, p) => tf.mean(tf.abs(tf.sub(y, p)), -1),
  mean_absolute_percentage_error: (y, p) => tf.mul(100, tf.mean(tf.abs(tf.div(tf.sub(y, p), tf.maximum(tf.abs(y), EPSILON))), -1)),
  mean_squared_logarithmic_error: (y, p) => tf.mean(tf.square(tf.sub(tf.log1p(tf.maximum(p, EPSILON)), tf.log1p(tf.maximum(y, EPSILON)))), -1),
  huber: (y, p) => {
    // delta = 1.0: quadratic inside, linear outside. Keras picks the branch with a where on
    // |error| <= 1; tfjs cannot differentiate that comparison, so the same function is written
    // with q = min(|error|, 1) as 0.5 q² + (|error| - q).
    const error = tf.abs(tf.sub(p, y));
    const q = tf.minimum(error, 1);
    return tf.mean(tf.add(tf.mul(0.5, tf.square(q)), tf.sub(error, q)), -1);
  },
  log_cosh: (y, p) => {
    const x = tf.sub(p, y);
    return tf.mean(tf.sub(tf.add(x, tf.softplus(tf.mul(-2, x))), Math.log(2)), -1);
  },
  categorical_crossentropy: (y, p) => onHost(p, crossentropyRows(y, p, false)) ?? tf.neg(tf.sum(tf.mul(y, tf.log(normalized(p))), -1)),
  sparse_categorical_crossentropy: (y, p) => {
    const classes = p.shape[p.shape.length - 1]!;
    return onHost(p, crossentropyRows(y, p, true)) ?? tf.neg(tf.sum(tf.mul(tf.oneHot(sparseLabels(y, p), classes), tf.log(normalized(p))), -1));
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
