/**
 * A layer computed as one op with a hand-written gradient (dense-op.ts, conv2d-op.ts), installed
 * two ways from the same forward and backward: as the layer's call, a customGrad on tfjs's tape
 * (what predict, evaluate and tfjs's fit run), and as the layer's step for klayers' own training
 * loop (direct.ts). The model's first layer reads the model's input, whose gradient nothing needs:
 * first-layer.ts tells it to skip that gradient (dropInputGradient).
 */
import * as tf from '../backend/tf.js';
import { setDirect } from './direct.js';

type Kwargs = Record<string, unknown>;

export interface LayerOp {
  /** The layer's weights now (kernel, then the bias when it has one), or null before it is built. */
  weights(): tf.Tensor[] | null;
  /** Whether the op computes this call; others go to tfjs's own call. */
  covers(x: tf.Tensor): boolean;
  forward(x: tf.Tensor, weights: readonly tf.Tensor[]): tf.Tensor;
  /** The gradients of the input (only when `needsInput`) and of each weight, from the input, weights and output. */
  backward(dy: tf.Tensor, x: tf.Tensor, weights: readonly tf.Tensor[], y: tf.Tensor, needsInput: boolean): tf.Tensor[];
}

const inputGradient = new WeakMap<tf.layers.Layer, { needed: boolean }>();

/** The op under tfjs's tape: a customGrad over the weights, and over x too when its gradient is needed. */
function taped(op: LayerOp, x: tf.Tensor, weights: tf.Tensor[], needsInput: boolean): tf.Tensor {
  const f = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const inputs = args as tf.Tensor[];
    const [input, ws] = needsInput ? [inputs[0]!, inputs.slice(1)] : [x, inputs];
    const y = op.forward(input, ws);
    save([input, y, ...ws]);
    const gradFunc = (dy: tf.Tensor, [xs, ys, ...wss]: tf.Tensor[]) => op.backward(dy, xs!, wss, ys!, needsInput);
    return { value: y, gradFunc };
  }) as Parameters<typeof tf.customGrad>[0]);
  return (f as (...t: tf.Tensor[]) => tf.Tensor)(...(needsInput ? [x, ...weights] : weights));
}

/** Replaces `layer`'s call with `op` where it covers the call, and gives the layer the op as its step. */
export function installOp(layer: tf.layers.Layer, op: LayerOp): tf.layers.Layer {
  const own = layer.call.bind(layer);
  const state = { needed: true };
  inputGradient.set(layer, state);
  layer.call = (inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs) => {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const weights = op.weights();
    if (!weights || x.dtype !== 'float32' || !op.covers(x)) return own(inputs, kwargs);
    return taped(op, x, weights, state.needed);
  };
  setDirect(layer, {
    forward(x, needsInput) {
      const weights = op.weights()!;
      const y = op.forward(x, weights);
      return {
        y,
        backward(dy) {
          const grads = op.backward(dy, x, weights, y, needsInput);
          return needsInput ? { dx: grads[0]!, grads: grads.slice(1) } : { dx: null, grads };
        },
      };
    },
  });
  return layer;
}

/** Whether `layer` has an op; if so, it stops computing its input's gradient (the model's first layer). */
export function dropInputGradient(layer: tf.layers.Layer): boolean {
  const state = inputGradient.get(layer);
  if (state) state.needed = false;
  return state !== undefined;
}
