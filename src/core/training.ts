/**
 * The training contract that the engine and `src/train` share, as plain data (no tfjs types):
 * what a fit takes (compiles with resolved names, splits as arrays or streamed batches), what it
 * gives back (outcomes, what happened to the weights), and the stream of events the engine emits
 * while fitting, which the REPL draws as a live view and `fit` sums up into blocks at the end.
 */

/** Keras-named logs: `loss`, `accuracy`, `val_loss`, `val_accuracy`, … */
export type Logs = Readonly<Record<string, number>>;

export type TrainingEvent =
  | {
      readonly kind: 'started';
      /** Epochs this fit runs (Keras's `epochs` minus `initial_epoch`). */
      readonly epochs: number;
      /** 0-based epoch number the first epoch of this fit gets (a later fit continues). */
      readonly firstEpoch: number;
      readonly stepsPerEpoch: number;
      readonly samples: number;
      readonly batchSize: number;
      /** Metric names in the order Keras prints them (alphabetical after loss). */
      readonly metrics: readonly string[];
      readonly hasValidation: boolean;
    }
  | { readonly kind: 'batch'; readonly epoch: number; readonly step: number; readonly logs: Logs; readonly elapsedMs: number }
  | { readonly kind: 'epoch'; readonly epoch: number; readonly logs: Logs; readonly elapsedMs: number; readonly samplesPerSec: number }
  | { readonly kind: 'paused' }
  | { readonly kind: 'resumed' }
  | { readonly kind: 'stopped'; readonly epoch: number; readonly step: number; readonly reason: 'interrupt' | 'early_stopping' | 'abort' }
  | { readonly kind: 'finished'; readonly history: Readonly<Record<string, readonly number[]>> };

/** What the UI can do to a running fit. */
export interface TrainingControl {
  /** Stop after the current batch, keeping weights and history. */
  stop(): void;
  /** Stop as soon as possible (second Ctrl-C within a second). */
  abort(): void;
  pause(): void;
  resume(): void;
  readonly paused: boolean;
}

/** Provided by whoever runs commands (REPL, replay); a fit reports to it and hands it control. */
export interface TrainingHooks {
  onEvent(event: TrainingEvent): void;
  /** Called with the control when a fit starts, and with null when it ends. */
  setControl(control: TrainingControl | null): void;
}

/** Canonical Keras loss functions (keras.losses.get(name).__name__). */
export type LossFunction =
  | 'mean_squared_error'
  | 'mean_absolute_error'
  | 'mean_absolute_percentage_error'
  | 'mean_squared_logarithmic_error'
  | 'huber'
  | 'log_cosh'
  | 'categorical_crossentropy'
  | 'sparse_categorical_crossentropy'
  | 'binary_crossentropy'
  | 'kl_divergence'
  | 'poisson'
  | 'hinge'
  | 'squared_hinge';

/** Metric functions computed per batch and averaged over the epoch, weighted by batch size. */
export type MetricFunction =
  | 'binary_accuracy'
  | 'categorical_accuracy'
  | 'sparse_categorical_accuracy'
  | 'mean_absolute_error'
  | 'mean_squared_error'
  | 'mean_absolute_percentage_error'
  | 'mean_squared_logarithmic_error';

export type OptimizerName = 'Adam' | 'SGD' | 'RMSprop' | 'Adagrad';

/** An optimizer with every Keras argument filled in (Keras 3 defaults for the omitted ones). */
export interface OptimizerConfig {
  readonly className: OptimizerName;
  readonly config: Readonly<Record<string, number | boolean>>;
}

/** What `compile` settled on; names as the user typed them (Keras logs them that way). */
export interface CompileConfig {
  readonly optimizer: OptimizerConfig;
  readonly loss: string;
  readonly metrics: readonly string[];
  /**
   * True when klayers chose the metrics from the data: Keras's compile_config then has
   * `metrics: null`, as for a compile() without metrics.
   */
  readonly metricsInferred?: boolean;
}

/** `size` samples: x row-major (`size × product(xShape)`), y likewise. */
export interface Batch {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly size: number;
}

/** Shuffle within a buffer of `rows` samples, drawing from `random`. */
export interface ShuffleBuffer {
  readonly rows: number;
  readonly random: () => number;
}

/** Rows a streamed training split is shuffled within each epoch. */
export const SHUFFLE_BUFFER_ROWS = 10_000;

/** A split read from its file: its size is known, its rows arrive in batches on each pass. */
export interface BatchStream {
  readonly size: number;
  /**
   * One pass over the split in batches of `batchSize` (the last may be smaller): in file order,
   * or shuffled within a buffer. Stops early, closing the file, when the consumer stops.
   */
  batches(batchSize: number, shuffle: ShuffleBuffer | null): AsyncGenerator<Batch>;
}

export const isStream = <T extends object>(split: T | BatchStream): split is BatchStream => 'batches' in split;

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

/** What happened to the weights when the model had to be (re)built. */
export interface ModelChange {
  readonly rebuilt: boolean;
  /** Layers that kept their trained weights. */
  readonly kept: readonly string[];
  /** Layers with weights that start from new initial values. */
  readonly reset: readonly string[];
  /** True when there were trained weights before this build. */
  readonly hadWeights: boolean;
}
