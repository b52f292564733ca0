/**
 * One plain SGD step with Keras's loss, as `model.compile(optimizer=SGD(lr), loss=...)` then
 * `train_on_batch` would take it. The loss is Keras's (keras/src/losses/losses.py): the per-sample
 * loss averaged over every element ("sum_over_batch_size"), plus every layer's regularization
 * penalty and activity penalty, which Keras counts in evaluation too. Weight constraints are
 * applied right after the update, as Keras's optimizer does (tfjs's own fit never applies them).
 */
import * as tf from '../backend/tf.js';
import { applyConstraints } from '../keras/constraints.js';
import { createOptimizer } from './optimizers.js';
import { EngineUnsupported } from '../keras/unsupported.js';
import { toTensor, type ArrayData } from '../io/weights.js';
import { lossFunction as kerasLoss, type TensorLoss } from './losses.js';
import { maskedBy } from '../keras/output-mask.js';
import type { LossFunction } from '../../core/training.js';

/** The Keras loss names sgdStep understands. */
export type KerasLossName = 'mse' | 'mae' | 'categorical_crossentropy' | 'sparse_categorical_crossentropy' | 'binary_crossentropy';

export interface SgdOptions {
  readonly loss: KerasLossName;
  readonly learningRate: number;
}

/** The Keras names this step takes, mapped to the training engine's loss functions (one set of formulas). */
const LOSS_NAMES: Readonly<Record<KerasLossName, LossFunction>> = {
  mse: 'mean_squared_error',
  mae: 'mean_absolute_error',
  categorical_crossentropy: 'categorical_crossentropy',
  sparse_categorical_crossentropy: 'sparse_categorical_crossentropy',
  binary_crossentropy: 'binary_crossentropy',
};

function lossFunction(name: string): TensorLoss {
  const full = LOSS_NAMES[name as KerasLossName];
  if (!full) throw new EngineUnsupported(`Loss '${name}' is not supported.`, `Use one of: ${Object.keys(LOSS_NAMES).join(', ')}.`);
  return kerasLoss(full);
}

/** The model's one output; a model with several outputs needs one loss per output. */
function singleOutput(out: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (!Array.isArray(out)) return out;
  if (out.length === 1) return out[0]!;
  throw new EngineUnsupported(`The model has ${out.length} outputs; one training loss covers one output.`, 'Remove return_state=True from the last layer.');
}

/**
 * The model's output in inference mode, layer by layer with masks passed along as tfjs's executor
 * passes them. Unlike `model.apply`/`predict`, which free each intermediate output at once, this
 * keeps every layer's output alive until the caller's tidy ends, so activity regularizers of inner
 * layers can still read them. klayers models are chains, so the order of `model.layers` is the
 * order of computation.
 */
function forwardKeepingOutputs(model: tf.LayersModel, x: tf.Tensor): tf.Tensor | tf.Tensor[] {
  let value: tf.Tensor | tf.Tensor[] = x;
  let mask: tf.Tensor | tf.Tensor[] | null = null;
  for (const layer of model.layers.slice(1)) {
    const input: tf.Tensor | tf.Tensor[] = value;
    value = layer.apply(input, mask ? { mask } : {}) as tf.Tensor | tf.Tensor[];
    // As tfjs's executor: a layer that does not support masking ends the mask.
    mask = layer.supportsMasking ? (layer.computeMask(input, mask ?? undefined) ?? null) : null;
  }
  return value;
}

/**
 * The loss Keras's `test_on_batch` reports: data loss in inference mode plus every penalty (weight
 * regularizers and activity regularizers, which Keras counts in evaluation too).
 */
export function evaluateLoss(model: tf.LayersModel, loss: KerasLossName, x: ArrayData, y: ArrayData): number {
  const fn = maskedBy(model, lossFunction(loss));
  return tf.tidy(() => {
    const pred = singleOutput(forwardKeepingOutputs(model, toTensor(x)));
    let total: tf.Tensor = tf.mean(fn(toTensor(y), pred));
    for (const penalty of model.calculateLosses()) total = tf.add(total, penalty);
    return total.dataSync()[0]!;
  });
}

/** Optimizers this module compiled into a model, freed when the next step replaces them. */
const ownOptimizers = new WeakMap<tf.LayersModel, tf.Optimizer>();

/**
 * One SGD step (no momentum) on the batch (x, y): returns the loss before and after it, as Keras's
 * `test_on_batch` reports them. The model is compiled with SGD and the Keras loss (replacing any
 * earlier compile); the step runs in training mode (Dropout active) through tfjs's trainOnBatch.
 */
export async function sgdStep(model: tf.LayersModel, options: SgdOptions, x: ArrayData, y: ArrayData): Promise<{ before: number; after: number }> {
  const fn = maskedBy(model, lossFunction(options.loss));
  const before = evaluateLoss(model, options.loss, x, y);
  ownOptimizers.get(model)?.dispose();
  // Klayers' own SGD, the one `compile optimizer=SGD(...)` trains with.
  const optimizer = createOptimizer({ className: 'SGD', config: { learning_rate: options.learningRate, momentum: 0, nesterov: false } });
  ownOptimizers.set(model, optimizer);
  model.compile({ optimizer, loss: fn });
  const xs = toTensor(x);
  const ys = toTensor(y);
  try {
    await model.trainOnBatch(xs, ys);
  } finally {
    xs.dispose();
    ys.dispose();
  }
  applyConstraints(model);
  return { before, after: evaluateLoss(model, options.loss, x, y) };
}
