/**
 * What the training engine takes: plain arrays and numbers, no tfjs types, so the session's
 * engine handle can use them with a type-only import. What it gives back is in src/core/training.
 */
import type { ModelPlan } from '../../layers/types.js';
import type { ResolvedCompile, SplitData, TrainingHooks } from '../../core/training.js';
import type { ModelSlot } from '../build/model-store.js';

/** Everything one `fit` needs. `slot` holds the session's model, which the fit trains. */
export interface FitSpec {
  readonly slot: ModelSlot;
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
