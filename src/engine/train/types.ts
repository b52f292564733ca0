import type { ResolvedCompile, SplitData } from '../../core/training.js';
/**
 * What the training engine takes and gives: plain arrays and numbers, no tfjs types, so
 * commands can use them with a type-only import.
 */
import type { ModelPlan } from '../../layers/types.js';
import type { TrainingHooks } from '../../core/training.js';

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
