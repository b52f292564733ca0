import type { BatchStream } from '../../core/training.js';
import type { Scale, FeatureEncoder } from './encoders.js';
import type { SplitSettings } from './split.js';
import type { Suggestion, TargetEncoder, Task } from './targets.js';
import type { Table } from '../table/table.js';

/** One split held in memory as the trainer consumes it: float32 arrays, row-major. */
export interface MemorySplit {
  /** `size × product(featureShape)` values. */
  readonly x: Float32Array;
  /**
   * `size × targets` values: per sample, a classification target's class index (into
   * `classNames`), a regression target's number. Never one-hot: the loss's form is built from
   * this when the split is handed to the engine.
   */
  readonly y: Float32Array;
  readonly size: number;
  /** The table row of each sample (for a window: the row its target comes from). */
  readonly rows: Uint32Array;
}

/** A split of a streamed file: read and encoded batch by batch on every pass (y as a MemorySplit's: class indices or numbers). */
export interface StreamedSplit extends BatchStream {
  /** Rows per class index (classification), for class_weight=balanced. */
  readonly classCounts: readonly number[] | null;
}

export type DataSplit = MemorySplit | StreamedSplit;

/** How a table becomes arrays: the settings `load` and `split` take. */
export interface EncodeSettings {
  readonly split: SplitSettings;
  readonly scale: Scale;
  /** `reshape=(8, 8, 1)`: flat pixel columns as images. */
  readonly reshape?: readonly number[];
  /** `window=20`: consecutive rows as one sequence sample. */
  readonly window?: number;
  /** With a window: how many rows after the window's last row the target is read. */
  readonly horizon: number;
}

/**
 * An encoded data set: plain typed arrays per split plus everything needed to explain them and
 * encode new rows the same way (encoders fitted on the training split, class names).
 */
export interface Dataset<S extends DataSplit = DataSplit> {
  readonly name: string;
  readonly table: Table;
  readonly task: Task;
  /** Per-sample shape of x, without the batch axis: `[20]`, `[8, 8, 1]`, `[20, 3]`. */
  readonly featureShape: readonly number[];
  /**
   * Per-sample shape of the target as the model's output meets it: `[classes]` for a multiclass
   * target (one-hot with the suggested loss), `[1]` for a binary one, `[targets]` for regression.
   * A split's stored y has one value per target (a class index or a number).
   */
  readonly targetShape: readonly number[];
  /** Encoded feature names (`age`, `color=red`), in the order of x's last axis. */
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[] | null;
  readonly encoders: readonly FeatureEncoder[];
  readonly targets: readonly TargetEncoder[];
  readonly settings: EncodeSettings;
  readonly suggestion: Suggestion;
  readonly train: S;
  readonly validation: S;
  readonly test: S;
}
