/**
 * Training as a stream of plain events (no tfjs types): the engine emits them while fitting,
 * the REPL draws a live view from them, and `fit` summarises them into blocks at the end.
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
