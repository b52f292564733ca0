/**
 * Conv2D (channels-last, no dilation, linear or ReLU) as one op with its own gradient.
 *
 * While training, tfjs runs its fused conv as three ops (conv, a broadcast bias add, the
 * activation: the add alone was 0.4 ms of a 5 ms Conv2D(8)-MaxPool-Dense step on wasm). Here the
 * forward pass is the backend's FusedConv2D kernel (XNNPACK adds the bias and applies ReLU as it
 * writes the output, for nothing), and the backward pass is the ReLU gradient, the filter
 * gradient, the bias gradient (TensorFlow's BiasAddGrad on native) and, unless the layer reads the
 * model's input (whose gradient nothing needs), the input gradient. The same products and sums as
 * tfjs's, so the same numbers within float rounding.
 */
import * as tf from '../backend/tf.js';
import { nativeOps } from '../backend/native/ops.js';
import { reluGrad } from '../backend/native/kernels.js';
import { ownInputGradient } from './input-gradient.js';
import { ownOps, setDirect, type DirectLayer } from './direct.js';

type Kwargs = Record<string, unknown>;

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

type ConvAttrs = { strides: [number, number]; pad: 'valid' | 'same'; dataFormat: 'NHWC'; dimRoundingMode: undefined };

const convAttrs = (layer: Conv2DLike): ConvAttrs => ({ strides: layer.strides, pad: layer.padding, dataFormat: 'NHWC', dimRoundingMode: undefined });

function forward(conv: ConvAttrs, x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | undefined, relu: boolean): tf.Tensor {
  return tf.engine().runKernel('FusedConv2D', { x, filter: kernel, ...(bias ? { bias } : {}) }, { ...conv, dilations: [1, 1], activation: relu ? 'relu' : 'linear' } as never) as tf.Tensor;
}

/** The gradients of `forward`'s output `y`: of the input (when `needsInput`), the kernel and the bias (when there is one). */
function backward(conv: ConvAttrs, dy: tf.Tensor, x: tf.Tensor, kernel: tf.Tensor, y: tf.Tensor, relu: boolean, hasBias: boolean, needsInput: boolean): tf.Tensor[] {
  const dz = relu ? reluGradient(dy, y) : dy;
  const dk = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: dz }, { ...conv, filterShape: kernel.shape } as never) as tf.Tensor;
  const grads = [dk, ...(hasBias ? [biasGradient(dz)] : [])];
  if (!needsInput) return grads;
  const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy: dz, filter: kernel }, { ...conv, inputShape: x.shape } as never) as tf.Tensor;
  return [dx, ...grads];
}

function convOp(layer: Conv2DLike, x: tf.Tensor, relu: boolean, needsInput: boolean): tf.Tensor {
  const conv = convAttrs(layer);
  const kernel = layer.kernel!.read();
  const bias = layer.bias?.read() ?? null;
  const weights = bias ? [kernel, bias] : [kernel];
  const op = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [input, k, b] = (needsInput ? args.slice(0, -1) : [x, ...args.slice(0, -1)]) as tf.Tensor[];
    const y = forward(conv, input!, k!, b, relu);
    save([input!, k!, y]);
    const gradFunc = (dy: tf.Tensor, [xs, ks, ys]: tf.Tensor[]) => backward(conv, dy, xs!, ks!, ys!, relu, b !== undefined, needsInput);
    return { value: y, gradFunc };
  }) as Parameters<typeof tf.customGrad>[0]);
  return (op as (...t: tf.Tensor[]) => tf.Tensor)(...(needsInput ? [x, ...weights] : weights));
}

/** The layer's step for klayers' own training loop (direct.ts): the same forward and backward, without tfjs's tape. */
function directConv(layer: Conv2DLike, relu: boolean): DirectLayer {
  return {
    forward(x, needsInput) {
      const conv = convAttrs(layer);
      const kernel = layer.kernel!.read();
      const bias = layer.bias?.read();
      const y = forward(conv, x, kernel, bias, relu);
      return {
        y,
        backward(dy) {
          const grads = backward(conv, dy, x, kernel, y, relu, bias !== undefined, needsInput);
          return { dx: needsInput ? grads.shift()! : null, grads };
        },
      };
    },
  };
}

/** Give a tfjs Conv2D layer the op, when it is channels-last, undilated, and its Keras activation is linear or ReLU. */
export function useConv2dOp(layer: tf.layers.Layer, activation: string): tf.layers.Layer {
  const conv = layer as unknown as Conv2DLike;
  const covered = ownOps() && (activation === 'linear' || activation === 'relu') && conv.rank === 2 && conv.dataFormat === 'channelsLast' && conv.dilationRate.every((d) => d === 1);
  if (!covered) return layer;
  const own = layer.call.bind(layer);
  const state = ownInputGradient(layer);
  layer.call = (inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs) => {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (!conv.kernel || x.rank !== 4 || x.dtype !== 'float32') return own(inputs, kwargs);
    return convOp(conv, x, activation === 'relu', state.needed);
  };
  setDirect(layer, directConv(conv, activation === 'relu'));
  return layer;
}
