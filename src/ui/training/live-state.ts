/**
 * What the live view knows about the running fit, folded from training events (numbers the
 * engine already read; the view never touches tensors). Pure: state + event → state.
 */
import type { Logs, TrainingEvent } from '../../core/training.js';

/** One finished epoch of this fit. */
interface FinishedEpoch {
  readonly logs: Logs;
  readonly elapsedMs: number;
  readonly samplesPerSec: number;
}

export interface LiveTraining {
  /** Epochs this fit runs, and how big each is. */
  readonly epochs: number;
  readonly firstEpoch: number;
  readonly stepsPerEpoch: number;
  readonly samples: number;
  readonly batchSize: number;
  readonly hasValidation: boolean;
  /** 0-based epoch of this fit that runs now (or the last one that ended). */
  readonly epoch: number;
  readonly step: number;
  /** Milliseconds since the current epoch began, at its last batch. */
  readonly elapsedMs: number;
  /** When step 1 of the current epoch ended (Keras leaves the first step out of its rate). */
  readonly firstStepMs: number | null;
  /** Running means of the current epoch, or the final logs once it ended. */
  readonly logs: Logs;
  readonly epochEnded: boolean;
  readonly finished: readonly FinishedEpoch[];
  readonly paused: boolean;
  /** What the user asked for with Ctrl-C, or why the engine stopped. */
  readonly stopping: 'interrupt' | 'abort' | 'early_stopping' | null;
}

/** The user pressed Ctrl-C: shown at once, before the engine reaches the end of the batch. */
export type LocalEvent = { readonly kind: 'requested'; readonly what: 'interrupt' | 'abort' };

/** The state after one event; null until a fit has started. */
export function reduceTraining(state: LiveTraining | null, event: TrainingEvent | LocalEvent): LiveTraining | null {
  if (event.kind === 'started') {
    const { epochs, firstEpoch, stepsPerEpoch, samples, batchSize, hasValidation } = event;
    return { epochs, firstEpoch, stepsPerEpoch, samples, batchSize, hasValidation, epoch: 0, step: 0, elapsedMs: 0, firstStepMs: null, logs: {}, epochEnded: false, finished: [], paused: false, stopping: null };
  }
  if (state === null) return null;
  switch (event.kind) {
    case 'batch': {
      const epoch = event.epoch - state.firstEpoch;
      const firstStepMs = event.step === 1 ? event.elapsedMs : epoch === state.epoch && !state.epochEnded ? state.firstStepMs : null;
      return { ...state, epoch, step: event.step, elapsedMs: event.elapsedMs, firstStepMs, logs: event.logs, epochEnded: false };
    }
    case 'epoch': {
      const done: FinishedEpoch = { logs: event.logs, elapsedMs: event.elapsedMs, samplesPerSec: event.samplesPerSec };
      // The bar keeps its batch timing: Keras's ms/step leaves the validation pass out.
      return { ...state, epoch: event.epoch - state.firstEpoch, logs: event.logs, epochEnded: true, finished: [...state.finished, done] };
    }
    case 'paused':
      return { ...state, paused: true };
    case 'resumed':
      return { ...state, paused: false };
    case 'stopped':
      return { ...state, paused: false, stopping: event.reason };
    case 'requested':
      return { ...state, stopping: event.what };
    case 'finished':
      return state;
  }
}

/** The validation (else training) loss's best epoch so far, 1-based within this fit. */
export function bestEpoch(state: LiveTraining): { key: string; value: number; epoch: number } | null {
  const key = state.hasValidation ? 'val_loss' : 'loss';
  let best: { key: string; value: number; epoch: number } | null = null;
  state.finished.forEach((e, i) => {
    const v = e.logs[key];
    if (v !== undefined && Number.isFinite(v) && (best === null || v < best.value)) best = { key, value: v, epoch: i + 1 };
  });
  return best;
}
