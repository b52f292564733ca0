/**
 * The training engine as commands see it (through EngineAccess.training()): fit, evaluate and
 * predict on each session's stored model. Arguments and results are plain data.
 */
import type { ModelPlan } from '../../layers/types.js';
import { forgetSessionModel, storedModel, type ModelSlot } from '../build/model-store.js';
import { evaluateSession, predictSession } from './evaluate.js';
import { fitSession } from './fit.js';
import { KerasOptimizer } from './keras-optimizer.js';
import type { OptimizerConfig } from '../../core/training.js';

export const trainingApi = {
  fit: fitSession,
  evaluate: evaluateSession,
  predict: predictSession,
  /** Whether the session has a built (possibly trained) model. */
  hasModel: (slot: ModelSlot): boolean => storedModel(slot) !== undefined,
  /** The session's current (possibly trained) tfjs model when it matches `plan`, else null. */
  currentModel: (slot: ModelSlot, plan: ModelPlan) => {
    const entry = storedModel(slot);
    return entry && entry.planKey === JSON.stringify(plan) ? entry.model : null;
  },
  /**
   * The optimizer values Keras's summary counts for the session's model: null unless the model
   * for `plan` has an optimizer built for `optimizer` (a recompile with another one starts fresh).
   */
  optimizerParams: (slot: ModelSlot, plan: ModelPlan, optimizer: OptimizerConfig): number | null => {
    const entry = storedModel(slot);
    if (!entry || entry.planKey !== JSON.stringify(plan) || entry.optimizerKey !== JSON.stringify(optimizer)) return null;
    if (!(entry.optimizer instanceof KerasOptimizer)) return null;
    const trainable = entry.model.trainableWeights.reduce((n, w) => n + (w.shape as number[]).reduce((a, b) => a * b, 1), 0);
    return entry.optimizer.builtParams(trainable);
  },
  forget: forgetSessionModel,
};

export type TrainingApi = typeof trainingApi;
export type * from './types.js';
