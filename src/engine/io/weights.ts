/**
 * Plain arrays in and out of a built model: set a layer's weights in Keras's order (`kernel`,
 * `recurrent_kernel`, `bias`), read them back, and run predict. Callers outside the engine never
 * touch tfjs tensors.
 */
import * as tf from '../backend/tf.js';
import { EngineUnsupported } from '../keras/unsupported.js';

/** One weight or tensor as plain numbers, row-major like numpy. */
export interface ArrayData {
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array;
  /** 'float32' unless said otherwise; only inputs may be 'int32'. */
  readonly dtype?: 'float32' | 'int32';
}

function findLayer(model: tf.LayersModel, layerName: string): tf.layers.Layer {
  const layer = model.layers.find((l) => l.name === layerName);
  if (!layer) {
    const names = model.layers.filter((l) => l.weights.length > 0).map((l) => l.name);
    throw new EngineUnsupported(`No layer named '${layerName}' in model '${model.name}'.`, `Layers with weights: ${names.join(', ') || 'none'}.`);
  }
  return layer;
}

const shapeText = (s: readonly number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

function shortName(w: tf.LayerVariable): string {
  const original = (w as unknown as { originalName?: string }).originalName ?? w.name;
  return original.split('/').pop() ?? original;
}

/**
 * Replace every weight of `layerName` with `arrays`, given in Keras's weight order. Like Keras's
 * `set_weights` the values are assigned as they are: tfjs's own `setWeights` would also project
 * them through the weight's constraint, which Keras does only after an optimizer step.
 * Throws EngineUnsupported naming the layer and weight when a count or shape does not match.
 */
export function setLayerWeights(model: tf.LayersModel, layerName: string, arrays: readonly ArrayData[]): void {
  const layer = findLayer(model, layerName);
  const weights = layer.weights;
  if (arrays.length !== weights.length) {
    throw new EngineUnsupported(
      `Layer '${layerName}' has ${weights.length} weight${weights.length === 1 ? '' : 's'} (${weights.map(shortName).join(', ')}); got ${arrays.length} arrays.`,
    );
  }
  weights.forEach((w, i) => {
    const a = arrays[i]!;
    const expected = w.shape as number[];
    const count = a.shape.reduce((p, d) => p * d, 1);
    if (a.shape.length !== expected.length || a.shape.some((d, j) => d !== expected[j])) {
      throw new EngineUnsupported(`Layer '${layerName}' weight ${i} (${shortName(w)}) has shape ${shapeText(expected)}; got ${shapeText(a.shape)}.`);
    }
    if (a.values.length !== count) {
      throw new EngineUnsupported(`Layer '${layerName}' weight ${i} (${shortName(w)}): shape ${shapeText(a.shape)} needs ${count} values; got ${a.values.length}.`);
    }
  });
  weights.forEach((w, i) => {
    const a = arrays[i]!;
    const variable = w.read() as tf.Variable;
    tf.tidy(() => variable.assign(tf.tensor(Float32Array.from(a.values), [...a.shape], 'float32')));
  });
}

/** The weights of `layerName` in Keras's order, as plain float32 arrays. */
export function getLayerWeights(model: tf.LayersModel, layerName: string): ArrayData[] {
  return findLayer(model, layerName).weights.map((w) => ({ shape: [...w.shape] as number[], values: w.read().dataSync() as Float32Array }));
}

/** `x` as a tfjs tensor (the caller disposes it). */
export function toTensor(x: ArrayData): tf.Tensor {
  return tf.tensor(x.values, [...x.shape], x.dtype ?? (x.values instanceof Int32Array ? 'int32' : 'float32'));
}

/** Run the model in inference mode (Dropout off); one array per model output. */
export function predictArrays(model: tf.LayersModel, x: ArrayData): ArrayData[] {
  return tf.tidy(() => {
    const out = model.predict(toTensor(x));
    const outputs = Array.isArray(out) ? out : [out];
    return outputs.map((o) => ({ shape: [...o.shape], values: Float32Array.from(o.dataSync()) }));
  });
}
