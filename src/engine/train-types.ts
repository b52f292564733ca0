/**
 * What the training engine takes and gives: plain arrays and numbers, no tfjs types, so
 * commands can use them with a type-only import.
 */
import type { BatchStream } from '../data/batches.js';
import type { ModelPlan } from '../layers/types.js';
import type { LossFunction, MetricFunction } from '../train/keras-names.js';
import type { OptimizerConfig } from '../train/optimizer-config.js';
import type { Logs, TrainingHooks } from '../train/events.js';
import type { ModelChange } from './model-store.js';

/** A split as row-major float32 arrays with per-sample shapes. */
export interface ArraySplit {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly size: number;
  readonly xShape: readonly number[];
  readonly yShape: readonly number[];
}

/** A split read from its file batch by batch (a data set too large to hold), with per-sample shapes. */
export interface StreamSplit extends BatchStream {
  readonly xShape: readonly number[];
  readonly yShape: readonly number[];
}

/** What fit and evaluate take: arrays in memory, or batches streamed from a file. */
export type SplitData = ArraySplit | StreamSplit;

/** A compile with every name resolved to the function it computes. */
export interface ResolvedCompile {
  readonly optimizer: OptimizerConfig;
  readonly loss: LossFunction;
  /** In the order given; `name` is what Keras logs (`accuracy`, `mae`). */
  readonly metrics: readonly { readonly name: string; readonly fn: MetricFunction }[];
}

/** Everything one `fit` needs. `key` identifies the session whose model is trained. */
export interface FitSpec {
  readonly key: object;
  readonly plan: ModelPlan;
  readonly compile: ResolvedCompile;
  readonly train: SplitData;
  readonly validation: SplitData | null;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  /** Weight per class index (every class present), or null. */
  readonly classWeight: Readonly<Record<number, number>> | null;
  /** Keras EarlyStopping(patience=…) on val_loss (loss without validation), or null. */
  readonly patience: number | null;
  /** Session-wide 0-based number of this fit's first epoch (events and history continue). */
  readonly firstEpoch: number;
  /** The session's seeded generator, or null for unseeded. */
  readonly random: (() => number) | null;
  readonly hooks: TrainingHooks | null;
}

export interface EpochSummary {
  /** Session-wide 0-based epoch. */
  readonly epoch: number;
  /** Keras-named logs in Keras's print order (alphabetical). */
  readonly logs: Logs;
  readonly elapsedMs: number;
  /** Steps run in this epoch (fewer than stepsPerEpoch when stopped inside it). */
  readonly steps: number;
}

export interface StopInfo {
  readonly epoch: number;
  readonly step: number;
  readonly reason: 'interrupt' | 'early_stopping' | 'abort';
}

export interface FitOutcome {
  readonly change: ModelChange;
  readonly epochs: readonly EpochSummary[];
  readonly stepsPerEpoch: number;
  readonly stopped: StopInfo | null;
  /** `cpu`, `wasm`, `tensorflow` */
  readonly backend: string;
}

export interface EvaluateOutcome {
  readonly change: ModelChange;
  readonly logs: Logs;
  readonly steps: number;
  readonly elapsedMs: number;
}

export interface PredictOutcome {
  readonly change: ModelChange;
  /** Row-major outputs, `rows × units`. */
  readonly values: Float32Array;
  readonly units: number;
}
