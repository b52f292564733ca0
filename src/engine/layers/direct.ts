/**
 * Layers as steps of klayers' own training loop (src/engine/train/direct-fit.ts): each computes
 * its training-mode output and keeps what its hand-written gradient needs, with no gradient tape.
 * tfjs records every op of a training step on its tape and replays it backwards, which costs more
 * than the kernels themselves on small models (an MLP 20-64-32-3 step: ~0.35 ms of kernels in a
 * ~0.8 ms step on wasm). A model whose every layer has a step trains through these.
 */
import * as tf from '../backend/tf.js';

/** One layer's forward pass in training mode, and the way back from its output's gradient. */
export interface DirectPass {
  readonly y: tf.Tensor;
  /** The gradients of the input (null unless asked for) and of the layer's weights, in `layer.weights` order. */
  backward(dy: tf.Tensor): { dx: tf.Tensor | null; grads: tf.Tensor[] };
}

export interface DirectLayer {
  /** `needsInput`: whether the pass back computes the input's gradient (the first layer's is not needed). */
  forward(x: tf.Tensor, needsInput: boolean): DirectPass;
}

/**
 * Switches for comparisons (tests, profiling), read when a model is built or trained:
 * `KLAYERS_OWN_OPS=0` builds tfjs's own layers (no own ops, fused recurrences or steps), so tfjs's
 * fit and tape train them; `KLAYERS_OWN_LOOP=0` keeps the own ops but trains through tfjs's fit.
 */
export const ownOps = (): boolean => process.env['KLAYERS_OWN_OPS'] !== '0';
export const ownLoop = (): boolean => process.env['KLAYERS_OWN_LOOP'] !== '0';

const steps = new WeakMap<tf.layers.Layer, DirectLayer>();

export function setDirect(layer: tf.layers.Layer, step: DirectLayer): void {
  steps.set(layer, step);
}

export function directOf(layer: tf.layers.Layer): DirectLayer | undefined {
  return steps.get(layer);
}

/** A layer that only changes its input's shape (Flatten, Reshape): the gradient takes the input's shape back. */
export const reshaping = (shapeOf: (x: tf.Tensor) => number[]): DirectLayer => ({
  forward(x) {
    return { y: tf.reshape(x, shapeOf(x)), backward: (dy) => ({ dx: tf.reshape(dy, x.shape), grads: [] }) };
  },
});

interface DropoutLike {
  readonly rate: number;
  getNoiseShape(x: tf.Tensor): number[] | undefined;
}

/**
 * Dropout in training mode, with the draws and arithmetic of tfjs's dropout op (which the layer
 * calls): the multiplier floor(u + keep) / keep, drawn in the noise shape, scales the output and
 * then the gradient.
 */
export function dropping(layer: tf.layers.Layer): DirectLayer {
  const dropout = layer as unknown as DropoutLike;
  return {
    forward(x) {
      const { rate } = dropout;
      if (!(rate > 0 && rate < 1)) return { y: x, backward: (dy) => ({ dx: dy, grads: [] }) };
      const keep = 1 - rate;
      const scale = tf.div(tf.floor(tf.add(tf.randomUniform(dropout.getNoiseShape(x) ?? x.shape, 0, 1, 'float32'), keep)), keep);
      return { y: tf.mul(x, scale), backward: (dy) => ({ dx: tf.mul(dy, scale), grads: [] }) };
    },
  };
}

/** An op written for tf.customGrad: its value, and a gradient for each input from what it saved. */
export type GradOp = (...args: (tf.Tensor | tf.GradSaveFunc)[]) => { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] };

/** `op` on `inputs` without the tape: its value, and its gradient function applied to what it saved. */
export function untaped(op: GradOp, inputs: tf.Tensor[]): { y: tf.Tensor; backward: (dy: tf.Tensor) => tf.Tensor[] } {
  let saved: tf.Tensor[] = [];
  const { value, gradFunc } = op(...inputs, (tensors: tf.Tensor[]) => {
    saved = tensors;
  });
  return { y: value, backward: (dy) => gradFunc(dy, saved) };
}
