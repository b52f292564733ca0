/**
 * The arrays a fit, evaluate or predict hands the engine, and the compile resolved against the
 * model and the data: the target in the form the loss expects (the stored class indices for
 * sparse categorical crossentropy, one-hot for categorical losses), shapes checked.
 */
import type { DataSplit, Dataset } from '../data/encode/dataset.js';
import { inputMismatch } from '../data/encode/model-fit.js';
import { oneHot } from '../data/encode/targets.js';
import { UserError } from '../core/user-error.js';
import { isStream, type CompileConfig } from '../core/training.js';
import type { ArraySplit, ResolvedCompile, SplitData } from '../core/training.js';
import { lossFunctionOf } from './compile-config.js';
import { METRIC_NAMES, resolveAccuracy } from './keras-names.js';
import type { ModelIO } from './model-io.js';

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * How the dataset's y (class indices, 0/1 or numbers) becomes the y the loss expects: as stored
 * (sparse_categorical_crossentropy's indices, binary_crossentropy's 0/1, regression numbers), or
 * one-hot (categorical losses on a multiclass target, or a binary target on a 2-unit softmax).
 */
type TargetForm = 'as-is' | 'one-hot';

export function targetForm(dataset: Dataset, compile: CompileConfig, io: ModelIO): TargetForm {
  const width = product(dataset.targetShape);
  const loss = lossFunctionOf(compile.loss);
  if (loss === 'sparse_categorical_crossentropy') {
    if (dataset.task !== 'regression') return 'as-is';
    throw new UserError('sparse_categorical_crossentropy needs class labels; this target is a number.', "Use loss='mse' for regression.");
  }
  if (dataset.task === 'binary' && io.units === 2 && width === 1) return 'one-hot';
  if (io.output.length !== 2 || io.units !== width) {
    const s = dataset.suggestion;
    throw new UserError(`The model's output has ${io.units} units, the target needs ${width}.`, `End the model with ${s.lastLayer} and use loss '${s.loss}'.`);
  }
  return dataset.task === 'multiclass' ? 'one-hot' : 'as-is';
}

/**
 * A data split as the engine takes it, the target in the loss's form (batch by batch when
 * streamed): the one place the stored class indices become one-hot.
 */
export function engineSplit(dataset: Dataset, split: DataSplit, form: TargetForm): SplitData {
  const classes = dataset.classNames?.length ?? 0;
  const yShape = form === 'one-hot' ? [classes] : [dataset.targets.length];
  const lossTargets = (y: Float32Array) => (form === 'one-hot' ? oneHot(y, classes) : y);
  if (!isStream(split)) return { x: split.x, y: lossTargets(split.y), size: split.size, xShape: dataset.featureShape, yShape };
  return {
    size: split.size,
    xShape: dataset.featureShape,
    yShape,
    async *batches(batchSize, shuffle) {
      for await (const b of split.batches(batchSize, shuffle)) yield { x: b.x, y: lossTargets(b.y), size: b.size };
    },
  };
}

/** Keras's validation_split: the last fraction of the rows, before shuffling (split_at = ceil). */
export function splitOff(split: SplitData, fraction: number): { train: ArraySplit; validation: ArraySplit } {
  if (isStream(split)) {
    throw new UserError(
      `validation_split=${fraction} needs the training rows in memory; this file is streamed from disk.`,
      `Hold out validation rows when loading instead: split validation=${fraction}`,
    );
  }
  const at = Math.ceil(split.size * (1 - fraction));
  const xw = product(split.xShape);
  const yw = product(split.yShape);
  const part = (from: number, to: number): ArraySplit => ({ ...split, x: split.x.subarray(from * xw, to * xw), y: split.y.subarray(from * yw, to * yw), size: to - from });
  if (at <= 0 || at >= split.size) throw new UserError(`validation_split=${fraction} leaves no rows for ${at <= 0 ? 'training' : 'validation'} out of ${split.size}.`);
  return { train: part(0, at), validation: part(at, split.size) };
}

/** The model's input must take the data's samples. */
export function checkInput(dataset: Dataset, io: ModelIO): void {
  const problem = inputMismatch(io.input, dataset);
  if (problem) throw new UserError(problem, `Type keras.Input(shape=(${dataset.featureShape.join(', ')}${dataset.featureShape.length === 1 ? ',' : ''})) to change the Input.`);
}

/** Every name resolved to the function it computes (`accuracy` by output and target shapes). */
export function resolveCompile(compile: CompileConfig, io: ModelIO, targetWidth: number): ResolvedCompile {
  return {
    optimizer: compile.optimizer,
    loss: lossFunctionOf(compile.loss),
    metrics: compile.metrics.map((name) => {
      const fn = METRIC_NAMES[name]!;
      return { name, fn: fn === 'accuracy' ? resolveAccuracy(io.units, targetWidth) : fn };
    }),
  };
}
