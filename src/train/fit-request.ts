/**
 * Everything `fit` works out before the engine runs: data arrays in the loss's form, the
 * validation data (the data's validation split, else Keras's validation_split), class weights.
 */
import { UserError } from '../core/user-error.js';
import { warning, type Block } from '../render/blocks.js';
import type { Dataset } from '../data/encode/dataset.js';
import { isStream } from '../core/training.js';
import type { ResolvedCompile, SplitData, CompileConfig } from '../core/training.js';
import { parseClassWeight } from './class-weight.js';
import type { FitOptions } from './fit-options.js';
import type { ModelIO } from './model-io.js';
import { engineSplit, checkInput, resolveCompile, splitOff, targetForm } from './prepare.js';

interface FitData {
  readonly train: SplitData;
  readonly validation: SplitData | null;
  readonly classWeight: Record<number, number> | null;
  readonly compile: ResolvedCompile;
  readonly notes: Block[];
}

/**
 * Rows per class index among the first `rows` training samples (validation_split takes the rest),
 * read from the stored class indices; a streamed split counted them in its load.
 */
function classCounts(dataset: Dataset, classes: number, rows: number): number[] {
  const train = dataset.train;
  if (isStream(train)) return train.classCounts ? [...train.classCounts] : [];
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < rows; i++) counts[train.y[i]!]!++;
  return counts;
}

export function prepareFit(dataset: Dataset, compile: CompileConfig, io: ModelIO, options: FitOptions): FitData {
  checkInput(dataset, io);
  const form = targetForm(dataset, compile, io);
  let train = engineSplit(dataset, dataset.train, form);
  let validation = dataset.validation.size > 0 ? engineSplit(dataset, dataset.validation, form) : null;
  const notes: Block[] = [];
  if (options.validationSplit !== null) {
    if (validation) notes.push(warning(`validation_split=${options.validationSplit} is ignored: the data has a validation split (${validation.size} rows), which Keras would take as validation_data.`));
    else ({ train, validation } = splitOff(train, options.validationSplit));
  }
  let classWeight: Record<number, number> | null = null;
  if (options.classWeight !== null) {
    if (!dataset.classNames) throw new UserError('class_weight applies to classification; this target is a number.', 'Leave out class_weight=.');
    classWeight = parseClassWeight(options.classWeight, dataset.classNames, classCounts(dataset, dataset.classNames.length, train.size));
  }
  const compileResolved = resolveCompile(compile, io, train.yShape.reduce((a, b) => a * b, 1));
  return { train, validation, classWeight, compile: compileResolved, notes };
}
