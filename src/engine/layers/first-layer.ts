/**
 * The model's first layer reads the model's input, whose gradient nothing needs. tfjs computes
 * Conv2D through its fused kernel, whose custom gradient computes every input's gradient, so each
 * training step paid a Conv2DBackpropInput for the data itself: a tenth of a small convnet's step
 * on native TensorFlow. Here the first layer computes the same convolution, bias and activation as
 * separate ops, whose gradients tfjs only evaluates for the inputs that need them; a Conv2D with
 * klayers' own op (conv2d-op.ts) is told to skip that gradient instead.
 */
import * as tf from '../backend/tf.js';
import { dropInputGradient } from './layer-op.js';

type Kwargs = Record<string, unknown>;
interface Weighted {
  readonly kernel: { read(): tf.Tensor } | undefined;
  readonly bias: { read(): tf.Tensor } | null;
  readonly activation: { apply(x: tf.Tensor): tf.Tensor } | null;
}
interface Conv2DLike extends Weighted {
  readonly rank: number;
  readonly dataFormat: string;
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dilationRate: [number, number];
}

function biasAndActivation(layer: Weighted, y: tf.Tensor): tf.Tensor {
  const withBias = layer.bias ? tf.add(y, layer.bias.read()) : y;
  return layer.activation ? layer.activation.apply(withBias) : withBias;
}

/** Installs the unfused call on the model's first layer when it is a Conv2D (tfjs's Dense gradient is already lazy). */
export function withoutInputGradient(layer: tf.layers.Layer, className: string): tf.layers.Layer {
  const own = layer.call.bind(layer);
  const one = (inputs: tf.Tensor | tf.Tensor[]) => (Array.isArray(inputs) ? inputs[0]! : inputs);
  if (dropInputGradient(layer)) return layer;
  if (className === 'Conv2D') {
    const conv = layer as unknown as Conv2DLike;
    layer.call = (inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs) => {
      const x = one(inputs);
      if (!conv.kernel || conv.rank !== 2 || conv.dataFormat !== 'channelsLast' || x.rank !== 4) return own(inputs, kwargs);
      return tf.tidy(() => biasAndActivation(conv, tf.conv2d(x as tf.Tensor4D, conv.kernel!.read() as tf.Tensor4D, conv.strides, conv.padding, 'NHWC', conv.dilationRate)));
    };
  }
  return layer;
}
