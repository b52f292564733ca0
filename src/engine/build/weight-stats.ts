/** Per-weight statistics of a built model, for `inspect` and NaN hunting during training. */
import * as tf from '../backend/tf.js';
import { EngineUnsupported } from '../keras/unsupported.js';

/** One weight variable. min/max/mean/std are over its finite values (NaN when there are none). */
export interface WeightStats {
  /** Keras's short name: `kernel`, `recurrent_kernel`, `bias`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Population standard deviation, as numpy's `std()`. */
  readonly std: number;
  readonly nanCount: number;
  readonly infCount: number;
}

function statsOf(name: string, value: tf.Tensor): WeightStats {
  const numbers = tf.tidy(() => {
    const x = tf.cast(tf.reshape(value, [-1]), 'float32');
    const finite = tf.isFinite(x);
    const nan = tf.sum(tf.cast(tf.isNaN(x), 'float32'));
    const inf = tf.sum(tf.cast(tf.isInf(x), 'float32'));
    const n = tf.sum(tf.cast(finite, 'float32'));
    const zeros = tf.zerosLike(x);
    const mean = tf.div(tf.sum(tf.where(finite, x, zeros)), n);
    const variance = tf.div(tf.sum(tf.where(finite, tf.square(tf.sub(x, mean)), zeros)), n);
    const min = tf.min(tf.where(finite, x, tf.fill(x.shape, Infinity)));
    const max = tf.max(tf.where(finite, x, tf.fill(x.shape, -Infinity)));
    return tf.stack([min, max, mean, tf.sqrt(variance), nan, inf, n]).dataSync();
  });
  const [min, max, mean, std, nanCount, infCount, finiteCount] = Array.from(numbers) as [number, number, number, number, number, number, number];
  const none = finiteCount === 0;
  return {
    name,
    shape: value.shape,
    count: value.size,
    min: none ? NaN : min,
    max: none ? NaN : max,
    mean: none ? NaN : mean,
    std: none ? NaN : std,
    nanCount,
    infCount,
  };
}

/** `dense/kernel_3` -> `kernel`: tfjs scopes and uniquifies names; Keras shows the short one. */
function shortName(variable: tf.LayerVariable): string {
  const original = (variable as unknown as { originalName?: string }).originalName ?? variable.name;
  return original.split('/').pop() ?? original;
}

/** Statistics of every weight of the layer named `layerName` (empty when it has none). */
export function layerWeightStats(model: tf.LayersModel, layerName: string): WeightStats[] {
  let layer: tf.layers.Layer;
  try {
    layer = model.getLayer(layerName);
  } catch {
    throw new EngineUnsupported(`No layer named '${layerName}' in model '${model.name}'.`);
  }
  return layer.weights.map((w) => statsOf(shortName(w), w.read()));
}

/** Statistics for every layer that has weights, in model order. */
export function modelWeights(model: tf.LayersModel): { layer: string; weights: WeightStats[] }[] {
  return model.layers
    .filter((l) => l.weights.length > 0)
    .map((l) => ({ layer: l.name, weights: layerWeightStats(model, l.name) }));
}
