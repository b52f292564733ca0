import { UserError } from '../../core/user-error.js';
import type { DataSplit, Dataset, EncodeSettings, MemorySplit } from './dataset.js';
import { tallyOf } from '../table/column-tally.js';
import { encodedNames, encoderWidth, fitEncoder, type FeatureEncoder } from './encoders.js';
import { encodeFeatures, encodeTargets } from './encode-rows.js';
import { splitRows, type SplitRows } from './split.js';
import type { StoredColumn, Table } from '../table/table.js';
import { fitTargets, suggest, targetWidth, type TargetEncoder, type Task } from './targets.js';
import { windowSplits } from './window.js';

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * A split whose float32 arrays are encoded when first read (by fit, evaluate or predict), not at
 * load: loading a large file then holds only its typed columns, and a data set that is loaded
 * again or re-split before training never pays for arrays it does not use.
 */
function lazySplit(rows: Uint32Array, encode: () => { x: Float32Array; y: Float32Array }): MemorySplit {
  let arrays: { x: Float32Array; y: Float32Array } | null = null;
  return {
    size: rows.length,
    rows,
    get x() {
      return (arrays ??= encode()).x;
    },
    get y() {
      return (arrays ??= encode()).y;
    },
  };
}

/** What a data set is made of before its rows are split: targets, task, feature columns. */
export interface DatasetPlan {
  readonly targetColumns: readonly StoredColumn[];
  readonly featureColumns: readonly StoredColumn[];
  readonly targets: readonly TargetEncoder[];
  readonly task: Task;
}

export function planDataset(table: Table, settings: EncodeSettings): DatasetPlan {
  const targetColumns = table.stored.filter((c) => c.info.role === 'target');
  const { encoders: targets, task } = fitTargets(targetColumns, table.rowCount);
  const window = settings.window;
  // In a window the target's past values are inputs too: the series predicts itself.
  const featureColumns = table.stored.filter((c) => c.info.role === 'feature' || (window !== undefined && c.data.kind === 'number'));
  if (featureColumns.length === 0) {
    const series = table.stored.length === 1 && table.stored[0]!.data.kind === 'number';
    const hint = series ? 'One numeric column is a series: window=20 horizon=1 turns it into sequences that predict the next value.' : 'Check types= and target=.';
    throw new UserError(`${table.name} has no feature columns left besides the target.`, hint);
  }
  return { targetColumns, featureColumns, targets, task };
}

/** Encoded width per row and the per-sample shape (a reshape must keep the count). */
export function featureShapeOf(encoders: readonly FeatureEncoder[], settings: EncodeSettings): { width: number; featureShape: number[] } {
  const width = encoders.reduce((n, e) => n + encoderWidth(e), 0);
  const window = settings.window;
  const featureShape = window !== undefined ? [window, width] : [...(settings.reshape ?? [width])];
  if (product(featureShape) !== width * (window ?? 1)) {
    throw new UserError(
      `reshape=(${settings.reshape!.join(', ')}) needs ${product(featureShape)} features; the data has ${width}.`,
      'Use a shape whose sizes multiply to the number of encoded features.',
    );
  }
  return { width, featureShape };
}

/** The data set from its parts, whichever way its splits are held. */
export function assembleDataset<S extends DataSplit>(table: Table, settings: EncodeSettings, plan: DatasetPlan, encoders: FeatureEncoder[], featureShape: number[], splits: { train: S; validation: S; test: S }): Dataset<S> {
  const yWidth = plan.targets.reduce((n, t) => n + targetWidth(t), 0);
  const first = plan.targets[0]!;
  return {
    name: table.name,
    table,
    task: plan.task,
    featureShape,
    targetShape: [yWidth],
    featureNames: encoders.flatMap(encodedNames),
    classNames: first.kind === 'number' ? null : first.classes,
    encoders,
    targets: plan.targets,
    settings,
    suggestion: suggest(plan.task, yWidth),
    ...splits,
  };
}

/**
 * Splits a table, fits every encoder on the training rows only, and encodes each split into
 * float32 arrays. Pure: a refusal (bad reshape, one class, too few rows) changes nothing.
 */
export function buildDataset(table: Table, settings: EncodeSettings): Dataset<MemorySplit> {
  const plan = planDataset(table, settings);
  const { targetColumns, featureColumns, targets, task } = plan;
  const window = settings.window;
  const labels = task === 'regression' ? null : (targetColumns[0]!.data as { codes: Uint16Array }).codes;
  const rows: SplitRows = window === undefined ? splitRows(table.rowCount, settings.split, labels) : windowSplits(table.rowCount, window, settings);
  const fitRows = window === undefined ? rows.train : Uint32Array.from({ length: rows.train.length + window - 1 }, (_, i) => i);
  const encoders = featureColumns.map((c) => fitEncoder(c, tallyOf(c.data, fitRows), settings.scale));
  const { width, featureShape } = featureShapeOf(encoders, settings);
  const encodeRows = (split: Uint32Array): { x: Float32Array; y: Float32Array } => {
    const y = encodeTargets(targets, targetColumns, split);
    if (window === undefined) return { x: encodeFeatures(encoders, featureColumns, split, width), y };
    const first = split[0] ?? 0;
    const span = Uint32Array.from({ length: split.length === 0 ? 0 : split.length + window - 1 }, (_, i) => first - window + 1 - settings.horizon + i);
    const flat = encodeFeatures(encoders, featureColumns, span, width);
    const x = new Float32Array(split.length * window * width);
    for (let i = 0; i < split.length; i++) x.set(flat.subarray(i * width, (i + window) * width), i * window * width);
    return { x, y };
  };
  const encodeSplit = (split: Uint32Array): MemorySplit => lazySplit(split, () => encodeRows(split));
  return assembleDataset(table, settings, plan, encoders, featureShape, { train: encodeSplit(rows.train), validation: encodeSplit(rows.validation), test: encodeSplit(rows.test) });
}
