/**
 * The training engine as commands see it (through EngineAccess.training()): fit, evaluate and
 * predict on each session's stored model. Arguments and results are plain data.
 */
import type { ModelPlan } from '../../layers/types.js';
import { forgetSessionModel, storedModel, type ModelSlot } from '../build/model-store.js';
import { evaluateSession, predictSession } from './evaluate.js';
import { fitSession } from './fit.js';

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
  forget: forgetSessionModel,
};

export type TrainingApi = typeof trainingApi;
export type * from './types.js';
