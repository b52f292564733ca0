import type { ModelChange } from '../../core/training.js';
/**
 * The trained model of a session, kept between commands as Keras keeps a model object: a
 * later fit continues from the current weights and optimizer state. It lives in the session's
 * engine handle (a ModelSlot), not in a table here. When the session's model
 * changes, it is rebuilt and every layer whose class, arguments, input shape and weight shapes
 * are unchanged gets its trained weights back; the others start fresh (and are named).
 */
import * as tf from '../backend/tf.js';
import type { ModelPlan } from '../../layers/types.js';
import { buildModel, disposeModel } from './build.js';
import { withRandom } from '../backend/seed.js';

export interface SessionModel {
  readonly planKey: string;
  readonly plan: ModelPlan;
  readonly model: tf.LayersModel;
  /** JSON of the compile the model was last compiled with (null: not compiled). */
  compileKey: string | null;
  optimizerKey: string | null;
  optimizer: tf.Optimizer | null;
}

/** Where one session keeps its built model between commands; its engine handle owns it. */
export interface ModelSlot {
  entry: SessionModel | null;
}

/** The model stored in `slot`, if any (no build). */
export function storedModel(slot: ModelSlot): SessionModel | undefined {
  return slot.entry ?? undefined;
}

function layerSignature(plan: ModelPlan, layer: tf.layers.Layer): string {
  const planned = plan.layers.find((l) => l.name === layer.name);
  const input = (layer.input as tf.SymbolicTensor | undefined)?.shape ?? null;
  return JSON.stringify([planned?.className, planned?.args, input, layer.weights.map((w) => w.shape)]);
}

function carryOver(old: SessionModel, model: tf.LayersModel, plan: ModelPlan): { kept: string[]; reset: string[] } {
  const kept: string[] = [];
  const reset: string[] = [];
  for (const layer of model.layers) {
    if (layer.weights.length === 0) continue;
    const before = old.model.layers.find((l) => l.name === layer.name);
    if (before && layerSignature(old.plan, before) === layerSignature(plan, layer)) {
      layer.setWeights(before.getWeights());
      kept.push(layer.name);
    } else reset.push(layer.name);
  }
  return { kept, reset };
}

/**
 * The session's model for `plan`: the stored one when the plan is unchanged, else a new build
 * (initial weights drawn from `random` when the session is seeded) with unchanged layers' weights
 * carried over. With `keepOld` the model it replaces is left undisposed, for the caller to put
 * back (`putBack`) or dispose.
 */
export async function sessionModel(slot: ModelSlot, plan: ModelPlan, random: (() => number) | null, keepOld = false): Promise<{ entry: SessionModel; change: ModelChange }> {
  const planKey = JSON.stringify(plan);
  const old = slot.entry ?? undefined;
  if (old && old.planKey === planKey) return { entry: old, change: { rebuilt: false, kept: [], reset: [], hadWeights: true } };
  const model = await withRandom(random, () => buildModel(plan));
  const moved = old ? carryOver(old, model, plan) : { kept: [], reset: [] };
  if (old && !keepOld) disposeModel(old.model);
  const entry: SessionModel = { planKey, plan, model, compileKey: null, optimizerKey: null, optimizer: null };
  slot.entry = entry;
  return { entry, change: { rebuilt: true, ...moved, hadWeights: old !== undefined } };
}

/** Free the session's model and optimizer (tests, and a session that ends). */
export function forgetSessionModel(slot: ModelSlot): void {
  const entry = slot.entry;
  if (!entry) return;
  disposeModel(entry.model);
  slot.entry = null;
}

/**
 * Undoes `sessionModel(slot, …, keepOld = true)` after the command that asked for it failed: a
 * model it built is freed and `before` (the model stored before it, or none) is stored again.
 */
export function putBack(slot: ModelSlot, before: SessionModel | null): void {
  const built = slot.entry;
  if (built === before) return;
  slot.entry = before;
  if (built) disposeModel(built.model);
}
