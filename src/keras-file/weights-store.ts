/**
 * The session's weights and optimizer state ↔ Keras's weights store (the datasets of
 * model.weights.h5 or FILE.weights.h5, laid out as layout.ts says). Reading checks every
 * variable's presence, type and shape against the model's layers before any value is read.
 */
import type { OptimizerConfig } from '../core/training.js';
import { UserError } from '../core/user-error.js';
import { analyzeModel } from '../model/analyze.js';
import type { ModelState } from '../model/state.js';
import type { H5Contents, H5Dataset, H5Group } from './h5-store.js';
import { layerVarsPath, slotOrder, storeGroups } from './layout.js';

/** One layer's weights (row-major values), in Keras's order for the layer. */
export interface StoreLayer {
  readonly name: string;
  readonly weights: readonly { readonly shape: readonly number[]; readonly values: Float32Array }[];
}

export interface StoreOptimizer {
  readonly iterations: number;
  readonly slots: readonly Readonly<Record<string, Float32Array>>[];
}

/** What the engine gives for a save: each layer's weights, the trainable shapes, the optimizer. */
export interface StoreSource {
  readonly layers: readonly { readonly name: string; readonly weights: readonly { readonly shape: readonly number[]; readonly values: Float32Array | Int32Array }[] }[];
  readonly trainableShapes: readonly (readonly number[])[];
  readonly optimizer: StoreOptimizer | null;
}

const shapeText = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;
const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** Groups and datasets of the store for `state` (optimizer variables when `optimizer` is given). */
export function storeContents(state: ModelState, source: StoreSource, optimizer: OptimizerConfig | null): { groups: H5Group[]; datasets: H5Dataset[] } {
  const datasets: H5Dataset[] = [];
  state.layers.forEach((l, i) => {
    const weights = source.layers[i]?.weights ?? [];
    weights.forEach((w, j) => datasets.push({ path: `${layerVarsPath(l.className, l.name)}/${j}`, shape: w.shape, values: Float32Array.from(w.values) }));
  });
  if (optimizer) {
    const o = source.optimizer;
    datasets.push({ path: 'optimizer/vars/0', shape: [], values: Int32Array.of(o?.iterations ?? 0) }, { path: 'optimizer/vars/1', shape: [], values: Float32Array.of(optimizer.config['learning_rate'] as number) });
    // Keras writes the slots only once the optimizer is built (after a first step).
    if (o) {
      slotOrder(optimizer, source.trainableShapes.length).forEach(({ variable, slot }, k) => {
        const shape = source.trainableShapes[variable]!;
        const values = o.slots[variable]?.[slot.name] ?? new Float32Array(size(shape)).fill(slot.initial);
        datasets.push({ path: `optimizer/vars/${k + 2}`, shape, values });
      });
    }
  }
  return { groups: storeGroups(state, optimizer), datasets };
}

/** Reads `path`, refusing a missing, non-float or mis-shaped dataset by name. */
function readChecked(h5: H5Contents, path: string, shape: readonly number[], label: string, owner: string): Float32Array {
  const entry = h5.datasets.get(path);
  if (!entry) throw new UserError(`${label} has no weight ${path} for ${owner} (needs shape ${shapeText(shape)}).`, 'The file belongs to another model: build the same layers, with the same names, and load it again.');
  if (entry.shape.length !== shape.length || entry.shape.some((d, i) => d !== shape[i])) {
    throw new UserError(`${label}: ${owner} needs shape ${shapeText(shape)} at ${path}; the file has ${shapeText(entry.shape)}.`, 'The file belongs to another model: build the same layers and load it again.');
  }
  if (!/^(float|int)(32|64)$/.test(entry.dtype)) throw new UserError(`${label}: ${path} is stored as ${entry.dtype}; klayers reads float32 weights.`);
  return h5.read(path);
}

/** Every layer's weights and, when `optimizer` is given and saved, its state. */
export function readStore(h5: H5Contents, state: ModelState, optimizer: OptimizerConfig | null, label: string): { layers: StoreLayer[]; params: number; optimizer: StoreOptimizer | null } {
  const analysis = analyzeModel(state);
  const trainable: (readonly number[])[] = [];
  let params = 0;
  const layers = state.layers.map((l, i) => {
    const layer = analysis.layers[i]!;
    const weights = layer.weights.map((w, j) => {
      const values = readChecked(h5, `${layerVarsPath(l.className, l.name)}/${j}`, w.shape, label, `layer '${l.name}' ${w.name}`);
      if (layer.trainable && w.trainable) trainable.push(w.shape);
      params += values.length;
      return { shape: w.shape, values };
    });
    return { name: l.name, weights };
  });
  return { layers, params, optimizer: optimizer ? readOptimizer(h5, optimizer, trainable, label) : null };
}

function readOptimizer(h5: H5Contents, optimizer: OptimizerConfig, shapes: readonly (readonly number[])[], label: string): StoreOptimizer | null {
  const count = [...h5.datasets.keys()].filter((p) => /^optimizer\/vars\/\d+$/.test(p)).length;
  if (count <= 2) return null; // never stepped: Keras keeps only iteration and learning_rate
  const order = slotOrder(optimizer, shapes.length);
  if (count !== order.length + 2) {
    throw new UserError(`${label} holds ${count} optimizer variables; ${optimizer.className} over this model's ${shapes.length} trainable weights has ${order.length + 2}.`, 'The optimizer state belongs to another model or optimizer: load the model, then compile here.');
  }
  const iterations = readChecked(h5, 'optimizer/vars/0', [], label, 'the optimizer iteration')[0]!;
  const slots: Record<string, Float32Array>[] = shapes.map(() => ({}));
  order.forEach(({ variable, slot }, k) => {
    slots[variable]![slot.name] = readChecked(h5, `optimizer/vars/${k + 2}`, shapes[variable]!, label, `the optimizer's ${slot.name} of trainable weight ${variable + 1}`);
  });
  return { iterations, slots };
}
