/**
 * The session's model as Keras's native files need it: every layer's weights in Keras's order
 * and the optimizer's state (its iteration count and, per trainable variable, its slots by
 * Keras's names: `momentum`, `velocity`, …), and the same installed back. Plain data in and out.
 */
import * as tf from '../backend/tf.js';
import type { ModelPlan } from '../../layers/types.js';
import type { OptimizerConfig } from '../../core/training.js';
import { sessionModel, type ModelSlot } from '../build/model-store.js';
import { buildModel, disposeModel } from '../build/build.js';
import { EngineUnsupported } from '../keras/unsupported.js';
import { createOptimizer } from './optimizers.js';
import { getLayerWeights, type ArrayData } from '../io/weights.js';
import { modelFilesApi, type SavedWeight } from '../io/model-files.js';

/** One layer's weights (empty for a layer without any), in the plan's layer order. */
export interface LayerState {
  readonly name: string;
  readonly weights: readonly ArrayData[];
}

/** Optimizer state; `slots[i]` belongs to the i-th trainable variable, by Keras slot name. */
export interface OptimizerState {
  readonly iterations: number;
  readonly slots: readonly Readonly<Record<string, Float32Array>>[];
}

export interface ModelFileState {
  readonly layers: readonly LayerState[];
  /** The shapes of the trainable variables, in Keras's `trainable_variables` order. */
  readonly trainableShapes: readonly (readonly number[])[];
  /** Null when the model has no optimizer yet (never fitted here). */
  readonly optimizer: OptimizerState | null;
}

const variableName = (w: tf.LayerVariable) => (w.read() as tf.Variable).name;

/** The session's model (built first if need be) and its optimizer, as arrays. */
async function readModelState(slot: ModelSlot, plan: ModelPlan, random: (() => number) | null): Promise<ModelFileState> {
  const { entry } = await sessionModel(slot, plan, random);
  const layers = plan.layers.map((l) => {
    let weights: ArrayData[] = [];
    try {
      weights = getLayerWeights(entry.model, l.name).map((w) => ({ shape: w.shape, values: Float32Array.from(w.values) }));
    } catch {
      weights = []; // a layer the built model folds away has no weights
    }
    return { name: l.name, weights };
  });
  const trainable = entry.model.trainableWeights;
  let optimizer: OptimizerState | null = null;
  if (entry.optimizer && entry.optimizer.iterations > 0) {
    const saved = await entry.optimizer.getWeights();
    const byName = new Map(saved.map((s) => [s.name, s.tensor]));
    const slots = trainable.map((w) => {
      const prefix = `${variableName(w)}/`;
      const own: Record<string, Float32Array> = {};
      for (const [name, tensor] of byName) if (name.startsWith(prefix) && !name.slice(prefix.length).includes('/')) own[name.slice(prefix.length)] = Float32Array.from(tensor.dataSync());
      return own;
    });
    optimizer = { iterations: entry.optimizer.iterations, slots };
  }
  return { layers, trainableShapes: trainable.map((w) => [...w.shape] as number[]), optimizer };
}

/**
 * Each layer's weights (Keras's per-layer order) laid out in the built model's own weight order:
 * tfjs lists every trainable weight before the frozen ones, Keras's store goes layer by layer.
 */
async function inModelOrder(plan: ModelPlan, layers: readonly LayerState[]): Promise<SavedWeight[]> {
  const probe = await buildModel(plan);
  try {
    const byLayer = new Map(layers.map((l) => [l.name, l.weights]));
    return probe.weights.map((v) => {
      const owner = probe.layers.find((l) => l.weights.includes(v));
      const index = owner ? owner.weights.indexOf(v) : -1;
      const w = owner ? byLayer.get(owner.name)?.[index] : undefined;
      if (!owner || !w) throw new EngineUnsupported(`No saved value for weight '${v.name}' of the model built from the file's layers.`, 'Save the model again.');
      return { name: v.name, shape: [...w.shape], values: Float32Array.from(w.values) };
    });
  } finally {
    disposeModel(probe);
  }
}

/**
 * Installs each layer's weights (shapes checked first) and, when given, an optimizer for `config`
 * carrying `state`, so the next fit with that optimizer continues from it.
 */
async function installModelState(slot: ModelSlot, plan: ModelPlan, layers: readonly LayerState[], optimizer: { config: OptimizerConfig; state: OptimizerState } | null): Promise<void> {
  await modelFilesApi.install(slot, plan, await inModelOrder(plan, layers));
  if (!optimizer) return;
  const { entry } = await sessionModel(slot, plan, null);
  const next = createOptimizer(optimizer.config);
  const named: { name: string; tensor: tf.Tensor }[] = [{ name: 'iter', tensor: tf.scalar(optimizer.state.iterations, 'int32') }];
  entry.model.trainableWeights.forEach((w, i) => {
    for (const [slotName, values] of Object.entries(optimizer.state.slots[i] ?? {})) named.push({ name: `${variableName(w)}/${slotName}`, tensor: tf.tensor(values, w.shape as number[], 'float32') });
  });
  try {
    await next.setWeights(named);
  } finally {
    tf.dispose(named.map((n) => n.tensor));
  }
  entry.optimizer = next;
  entry.optimizerKey = JSON.stringify(optimizer.config);
  entry.compileKey = null;
}

/** What commands reach through the engine for Keras's native files. */
export const kerasStateApi = { read: readModelState, install: installModelState };
