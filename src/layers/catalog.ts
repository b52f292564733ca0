import activation from './activation.js';
import averagePooling1d from './average-pooling1d.js';
import averagePooling2d from './average-pooling2d.js';
import { withBaseArgs, withNormalizedDefaults } from './base-args.js';
import conv1d from './conv1d.js';
import conv2d from './conv2d.js';
import dense from './dense.js';
import dropout from './dropout.js';
import flatten from './flatten.js';
import input from './input.js';
import { suggestName } from '../core/suggest.js';
import { lastSegment } from './kinds/values.js';
import lambda from './lambda.js';
import lstm from './lstm.js';
import masking from './masking.js';
import maxPooling1d from './max-pooling1d.js';
import maxPooling2d from './max-pooling2d.js';
import permute from './permute.js';
import reshape from './reshape.js';
import simpleRnn from './simple-rnn.js';
import type { LayerSpec } from './types.js';

/**
 * Every layer klayers knows. Each file declares its own arguments; the generic keyword arguments of
 * `keras.layers.Layer` (trainable, dtype, ...) are appended here, and every default is passed through
 * its kind's normalizer. Input is a function, not a Layer
 * subclass in use, and takes exactly keras.Input's arguments.
 */
export const LAYERS: readonly LayerSpec[] = [
  input,
  ...[
    dense, activation, dropout, flatten, reshape, permute, masking, lambda,
    conv1d, conv2d, maxPooling1d, maxPooling2d, averagePooling1d, averagePooling2d, simpleRnn, lstm,
  ].map(withBaseArgs),
].map(withNormalizedDefaults);

/** Module paths accepted before a layer name; Input is also exported as `keras.Input`. */
const LAYER_MODULES = ['layers', 'keras.layers', 'tf.keras.layers', 'keras_core.layers'];
const INPUT_MODULES = [...LAYER_MODULES, 'keras', 'tf.keras'];

/** `Dense`, `layers.Dense`, `keras.layers.Dense`, `tf.keras.layers.Dense`, `keras.Input`, `InputLayer`. */
export function findLayerSpec(name: string): LayerSpec | undefined {
  const dot = name.lastIndexOf('.');
  const module = dot < 0 ? '' : name.slice(0, dot);
  const base = lastSegment(name);
  const isInput = base === 'Input' || base === 'InputLayer';
  if (module !== '' && !(isInput ? INPUT_MODULES : LAYER_MODULES).includes(module)) return undefined;
  if (isInput) return LAYERS.find((s) => s.className === 'InputLayer');
  return LAYERS.find((s) => s.className === base);
}

/** `layers.LeakyReLU` as Keras names the layer: without a layer module's path (any other name as given). */
export function shownLayerName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && LAYER_MODULES.includes(name.slice(0, dot)) ? lastSegment(name) : name;
}

/** The layer name the user probably meant (`dense` -> `Dense`, `Conv2d` -> `Conv2D`), if any. */
export function suggestLayerName(name: string): string | undefined {
  const names = LAYERS.map((s) => (s.className === 'InputLayer' ? 'Input' : s.className));
  return suggestName(lastSegment(name), names);
}
