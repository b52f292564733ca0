import { arg } from './arg-builders.js';
import { normalizeArgValue } from './kinds/index.js';
import type { ArgSpec, LayerSpec } from './types.js';

/**
 * Keyword arguments every Keras layer takes through `keras.layers.Layer.__init__`. `trainable` and
 * `dtype` appear in every get_config(); Keras 3 serializes dtype as a DTypePolicy dict, we keep its
 * plain name (`'float32'`). `input_shape` is the Keras 2 habit Keras 3 still accepts (with a
 * warning) to give a Sequential model its Input; `input_dim=n` is read as `input_shape=(n,)`.
 */
export const BASE_ARGS: readonly ArgSpec[] = [
  arg('trainable', 'bool', true, 'Whether the layer\'s weights are updated during training.'),
  arg('dtype', 'dtype', 'float32', 'Dtype of the layer\'s computations and weights (None means float32).'),
  arg('autocast', 'bool', true, 'Whether to cast inputs to the layer\'s compute dtype.'),
  arg('input_shape', 'shape', null, 'Legacy: shape of the model input when this is the first layer.', { nullable: true }),
];

/** The spec with the base-layer arguments it does not declare itself appended. */
export function withBaseArgs(spec: LayerSpec): LayerSpec {
  const extra = BASE_ARGS.filter((b) => !spec.args.some((a) => a.name === b.name));
  return { ...spec, args: [...spec.args, ...extra] };
}

/**
 * The spec with every default passed through its kind's normalizer, so a default written in short
 * form (`keras('GlorotUniform', { seed: null })`) carries the full config Keras shows and equals
 * what the user gets by typing the same thing. A default the normalizer rejects is left as written.
 */
export function withNormalizedDefaults(spec: LayerSpec): LayerSpec {
  const args = spec.args.map((a) => {
    if (a.required) return a;
    try {
      return { ...a, default: normalizeArgValue(spec.className, a, a.default) };
    } catch {
      return a;
    }
  });
  return { ...spec, args };
}
