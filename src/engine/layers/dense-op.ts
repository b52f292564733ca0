/**
 * Dense as one op with its own gradient, for the activations Keras models put on Dense most:
 * linear, ReLU, softmax, tanh and sigmoid.
 *
 * While training, tfjs runs Dense as a matMul, a broadcast bias add and the activation, each an
 * op on the gradient tape whose gradient is several more ops (the bias add's alone is a reshape,
 * a sum and another reshape): an MLP 20-64-32-3 step was 74 kernel calls, half of its time tfjs's
 * bookkeeping around them. Here the forward pass is the backend's fused matMul (bias and ReLU
 * applied as it writes the output) and the activation, and the backward pass is the activation's
 * gradient from the saved output, then x^T dz, the column sums of dz and, unless the layer reads
 * the model's input, dz W^T. The same products and sums as tfjs's, so the same numbers within
 * float rounding.
 */
import * as tf from '../backend/tf.js';
import { biasGradient, reluGradient } from './conv2d-op.js';
import { installOp } from './layer-op.js';
import { ownOps, type DirectLayer } from './direct.js';

interface DenseLike {
  readonly kernel: { read(): tf.Tensor } | undefined;
  readonly bias: { read(): tf.Tensor } | null;
}

/** The Keras activations the op computes, with the gradient of each from its output `y`. */
const ACTIVATIONS: Record<string, ((dy: tf.Tensor, y: tf.Tensor) => tf.Tensor) | null> = {
  linear: null,
  relu: reluGradient,
  tanh: (dy, y) => tf.mul(dy, tf.sub(1, tf.square(y))),
  sigmoid: (dy, y) => tf.mul(dy, tf.mul(y, tf.sub(1, y))),
  softmax: (dy, y) => tf.mul(y, tf.sub(dy, tf.sum(tf.mul(dy, y), -1, true))),
};

/** The activations other than ReLU (which the fused kernel applies), as they follow the product. */
const APPLY: Record<string, (z: tf.Tensor) => tf.Tensor> = {
  softmax: (z) => tf.softmax(z),
  tanh: (z) => tf.tanh(z),
  sigmoid: (z) => tf.sigmoid(z),
};

function forward(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | undefined, activation: string): tf.Tensor {
  const fused = activation === 'relu' ? 'relu' : 'linear';
  // Rank-2 operands: klayers' wasm kernel takes them too (src/engine/backend/wasm/matmul.ts).
  const z = tf.engine().runKernel('_FusedMatMul', { a: x, b: kernel, ...(bias ? { bias } : {}) }, { transposeA: false, transposeB: false, activation: fused } as never) as tf.Tensor;
  const apply = APPLY[activation];
  return apply ? tf.tidy(() => apply(z)) : z;
}

/** An Activation layer's step for the own training loop, for the activations Dense's op covers; undefined for the others. */
export function activationStep(activation: string): DirectLayer | undefined {
  if (!(activation in ACTIVATIONS) || !ownOps()) return undefined;
  const gradient = ACTIVATIONS[activation];
  const apply = activation === 'relu' ? (z: tf.Tensor) => tf.relu(z) : APPLY[activation];
  return {
    forward(x) {
      const y = apply ? apply(x) : x;
      return { y, backward: (dy) => ({ dx: gradient ? gradient(dy, y) : dy, grads: [] }) };
    },
  };
}

/** Dense on [batch, ..., features] is the same product on every leading position. */
const asRows = (x: tf.Tensor) => (x.rank === 2 ? x : tf.reshape(x, [-1, x.shape[x.rank - 1]!]));

/** Give a tfjs Dense layer the op, when its Keras activation is one the op computes. */
export function useDenseOp(layer: tf.layers.Layer, activation: string): tf.layers.Layer {
  if (!(activation in ACTIVATIONS) || !ownOps()) return layer;
  const dense = layer as unknown as DenseLike;
  const gradient = ACTIVATIONS[activation];
  return installOp(layer, {
    weights: () => (dense.kernel ? [dense.kernel.read(), ...(dense.bias ? [dense.bias.read()] : [])] : null),
    covers: (x) => x.rank >= 2,
    forward(x, [kernel, bias]) {
      const y = forward(asRows(x), kernel!, bias, activation);
      return x.rank === 2 ? y : tf.reshape(y, [...x.shape.slice(0, -1), y.shape[1]!]);
    },
    backward(dy, x, [kernel, bias], y, needsInput) {
      const dz = gradient ? gradient(asRows(dy), asRows(y)) : asRows(dy);
      const grads = [tf.matMul(asRows(x), dz, true, false), ...(bias ? [biasGradient(dz)] : [])];
      if (!needsInput) return grads;
      const dx = tf.matMul(dz, kernel!, false, true);
      return [x.rank === 2 ? dx : tf.reshape(dx, x.shape), ...grads];
    },
  });
}
