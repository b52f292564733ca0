/**
 * Keras's mask rule on a tfjs layer (see MaskRule in src/layers/types.ts).
 *
 * tfjs's model executor keeps the last mask it saw in the call arguments it reuses for every later
 * layer, so a mask that a layer without mask support should have ended (Conv1D, pooling, Reshape,
 * Lambda, ...) still reaches the next LSTM, which then skips steps Keras feeds it. Here every
 * layer reports an output mask as soon as its input had one: the real mask where Keras passes it
 * on, and an all-true mask where Keras has none. An all-true mask makes an RNN read every step,
 * exactly as with no mask, and it replaces the stale one in the executor's arguments.
 */
import * as tf from '../backend/tf.js';
import type { LayerArgs, MaskRule } from '../../layers/types.js';

type Tensors = tf.Tensor | tf.Tensor[];
/** tfjs types masks as tensors, but passes and returns null for "no mask". */
type Masks = tf.Tensor | tf.Tensor[];
const NO_MASK = null as unknown as Masks;

function firstOf<T>(value: T | T[]): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** An all-true mask over the output's batch and time axes (just the batch for 2-D outputs). */
function noMask(layer: tf.layers.Layer, inputs: Tensors): tf.Tensor {
  const input = firstOf(inputs)!;
  const computed = layer.computeOutputShape(input.shape);
  const output = (Array.isArray(computed[0]) ? computed[0] : computed) as (number | null)[];
  const batch = input.shape[0]!;
  const shape = output.length >= 3 && output[1] !== null ? [batch, output[1]!] : [batch];
  return tf.ones(shape, 'bool');
}

/** Installs Keras's rule for `rule` (with the layer's arguments) on `layer`; Masking keeps tfjs's. */
export function applyMaskRule(layer: tf.layers.Layer, rule: MaskRule, args: LayerArgs): void {
  if (rule === 'make') return; // tfjs's Masking computes its mask from its input, as Keras does
  const own = layer.computeMask.bind(layer);
  layer.supportsMasking = true;
  const sequences = args['return_sequences'] === true;
  layer.computeMask = (inputs: Tensors, mask?: Masks): Masks => {
    const received = mask === undefined || mask === null ? null : (firstOf(mask) ?? null);
    if (received === null) return rule === 'sequences' ? own(inputs, mask) : NO_MASK;
    if (rule === 'pass') return mask!;
    if (rule === 'sequences' && sequences) return own(inputs, mask);
    const none = noMask(layer, inputs);
    // An RNN with return_state=True has one output per state; the executor reads the first mask.
    return rule === 'sequences' && args['return_state'] === true ? [none, NO_MASK as unknown as tf.Tensor, NO_MASK as unknown as tf.Tensor] : none;
  };
}
