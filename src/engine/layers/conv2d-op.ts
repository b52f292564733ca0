/**
 * Conv2D (channels-last, no dilation, linear or ReLU) as one op with its own gradient.
 *
 * While training, tfjs runs its fused conv as three ops (conv, a broadcast bias add, the
 * activation: the add alone was 0.4 ms of a 5 ms Conv2D(8)-MaxPool-Dense step on wasm). Here the
 * forward pass is the backend's FusedConv2D kernel (XNNPACK adds the bias and applies ReLU as it
 * writes the output, for nothing), and the backward pass is the ReLU gradient, the filter
 * gradient, the bias gradient (TensorFlow's BiasAddGrad on native) and, unless the layer reads the
 * model's input (whose gradient nothing needs), the input gradient. The same products and sums as
 * tfjs's, so the same numbers within float rounding. On native, when setup built them, klayers'
 * own kernels (native/kernels.cc: im2col and a matrix product per image) run both passes instead.
 */
import * as tf from '../backend/tf.js';
import { nativeOps } from '../backend/native/ops.js';
import { floats, fromKernel, hostFloats, ownKernels, type OwnKernels } from '../backend/native/own-kernels.js';
import { reluGrad } from '../backend/native/kernels.js';
import { installOp } from './layer-op.js';
import { windowOutputLength, windowPaddingBefore } from '../../layers/conv-shapes.js';
import { ownOps } from './direct.js';

interface Conv2DLike {
  readonly kernel: { read(): tf.Tensor } | undefined;
  readonly bias: { read(): tf.Tensor } | null;
  readonly rank: number;
  readonly dataFormat: string;
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dilationRate: [number, number];
}

/** The gradient of ReLU's output `y` with upstream `dy`: dy where y > 0, else 0. */
export function reluGradient(dy: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const ops = nativeOps();
  return ops ? reluGrad(ops, dy, y) : tf.mul(dy, tf.step(y));
}

/** A bias's gradient: Σ of `dz` ([..., channels]) over all but the last axis (TensorFlow's BiasAddGrad on native). */
export function biasGradient(dz: tf.Tensor): tf.Tensor {
  const ops = nativeOps();
  if (ops) return ops.run('BiasAddGrad', [{ name: 'T', dtype: 'float32' }, { name: 'data_format', string: 'NHWC' }], [dz], 1)[0]!;
  return tf.sum(dz, Array.from({ length: dz.rank - 1 }, (_, i) => i));
}

const NONE = new Float32Array(0);

/**
 * klayers' kernels for a conv they run faster than TensorFlow, else null: a kernel of 32 values or
 * fewer per filter (KH·KW·C: kernels.cc sums those directly; Conv2D(8, 3) and the MNIST convnet's
 * Conv2D(32, 3) on one channel, each pass about twice as fast as im2col, and several times
 * TensorFlow's), or of 256 values or more (im2col and a matrix product per image: the MNIST
 * convnet's Conv2D(64, 3) 15-20% faster per step).
 */
function convKernels(kernel: tf.Tensor): OwnKernels | null {
  const perFilter = kernel.size / kernel.shape[3]!;
  return perFilter <= 32 || kernel.size >= 256 ? ownKernels() : null;
}

/**
 * The conv's geometry in the order klayers' kernels take it: N, H, W, C, KH, KW, F, the output's
 * OH and OW, the strides, and the padding before the rows and columns.
 */
function geometry(x: tf.Tensor, kernel: tf.Tensor, strides: readonly [number, number], padding: 'valid' | 'same'): number[] {
  const [N, H, W, C] = x.shape as [number, number, number, number];
  const [KH, KW, , F] = kernel.shape as [number, number, number, number];
  const [SH, SW] = strides;
  const [OH, OW] = [windowOutputLength(H, KH, SH, 1, padding)!, windowOutputLength(W, KW, SW, 1, padding)!];
  return [N, H, W, C, KH, KW, F, OH, OW, SH, SW, windowPaddingBefore(H, KH, SH, padding), windowPaddingBefore(W, KW, SW, padding)];
}

function kernelForward(kernels: OwnKernels, g: number[], x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | undefined, relu: boolean): tf.Tensor {
  const [N, , , , , , F, OH, OW] = g as [number, number, number, number, number, number, number, number, number];
  const y = hostFloats(N * OH * OW * F);
  kernels.conv2dForward(floats(x), floats(kernel), bias ? floats(bias) : NONE, relu, y, ...g);
  return fromKernel(y, [N, OH, OW, F]);
}

function kernelBackward(kernels: OwnKernels, g: number[], dy: tf.Tensor, x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | undefined, y: tf.Tensor, relu: boolean, needsInput: boolean): tf.Tensor[] {
  const dx = needsInput ? hostFloats(x.size) : NONE;
  const dk = hostFloats(kernel.size);
  const db = bias ? hostFloats(bias.size) : NONE;
  kernels.conv2dBackward(floats(x), floats(kernel), floats(y), floats(dy), relu, needsInput, dx, dk, db, ...g);
  const grads = [tf.tensor(dk, kernel.shape), ...(bias ? [tf.tensor1d(db)] : [])];
  return needsInput ? [fromKernel(dx, x.shape), ...grads] : grads;
}

/** Give a tfjs Conv2D layer the op, when it is channels-last, undilated, and its Keras activation is linear or ReLU. */
export function useConv2dOp(layer: tf.layers.Layer, activation: string): tf.layers.Layer {
  const conv = layer as unknown as Conv2DLike;
  const covered = ownOps() && (activation === 'linear' || activation === 'relu') && conv.rank === 2 && conv.dataFormat === 'channelsLast' && conv.dilationRate.every((d) => d === 1);
  if (!covered) return layer;
  const relu = activation === 'relu';
  const attrs = () => ({ strides: conv.strides, pad: conv.padding, dataFormat: 'NHWC', dimRoundingMode: undefined });
  return installOp(layer, {
    weights: () => (conv.kernel ? [conv.kernel.read(), ...(conv.bias ? [conv.bias.read()] : [])] : null),
    covers: (x) => x.rank === 4,
    forward: (x, [kernel, bias]) => {
      const kernels = convKernels(kernel!);
      if (kernels) return kernelForward(kernels, geometry(x, kernel!, conv.strides, conv.padding), x, kernel!, bias, relu);
      return tf.engine().runKernel('FusedConv2D', { x, filter: kernel!, ...(bias ? { bias } : {}) }, { ...attrs(), dilations: [1, 1], activation: relu ? 'relu' : 'linear' } as never) as tf.Tensor;
    },
    backward(dy, x, [kernel, bias], y, needsInput) {
      const kernels = convKernels(kernel!);
      if (kernels) return kernelBackward(kernels, geometry(x, kernel!, conv.strides, conv.padding), dy, x, kernel!, bias, y, relu, needsInput);
      const dz = relu ? reluGradient(dy, y) : dy;
      const dk = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: dz }, { ...attrs(), filterShape: kernel!.shape } as never) as tf.Tensor;
      const grads = [dk, ...(bias ? [biasGradient(dz)] : [])];
      if (!needsInput) return grads;
      const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy: dz, filter: kernel! }, { ...attrs(), inputShape: x.shape } as never) as tf.Tensor;
      return [dx, ...grads];
    },
  });
}
