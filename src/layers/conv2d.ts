import { arg, keras, required, tuple } from './arg-builders.js';
import { convolution } from './conv-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `Conv2D`: 2D convolution over images; arguments and defaults as Keras 3.15's get_config(). */
const spec: LayerSpec = {
  className: 'Conv2D',
  baseName: 'conv2d',
  doc:
    '2D convolution layer. Creates a convolution kernel that is convolved with the input over ' +
    'two spatial dimensions to produce a tensor of outputs; adds a bias and applies `activation` ' +
    'when set. Input: (batch, rows, cols, channels), or (batch, channels, rows, cols) with ' +
    "data_format='channels_first'.",
  args: [
    required('filters', 'int', 'The dimension of the output space (the number of filters in the convolution).'),
    required('kernel_size', 'int_tuple', 'Size of the convolution window: int or tuple of 2 integers.', { rank: 2 }),
    arg('strides', 'int_tuple', tuple(1, 1), 'Stride of the convolution; `strides > 1` is incompatible with `dilation_rate > 1`.', { rank: 2 }),
    arg('padding', 'choice', 'valid', '"valid" means no padding; "same" pads evenly so stride 1 keeps the size.', { choices: ['valid', 'same'] }),
    arg('data_format', 'choice', 'channels_last', 'Ordering of the input dimensions: "channels_last" or "channels_first".', { choices: ['channels_last', 'channels_first'], nullable: true }),
    arg('dilation_rate', 'int_tuple', tuple(1, 1), 'Dilation rate to use for dilated convolution.', { rank: 2 }),
    arg('groups', 'int', 1, 'Number of groups the input channels are split into; input channels and filters must divide by it.'),
    arg('activation', 'activation', 'linear', 'Activation function. If None, no activation is applied.'),
    arg('use_bias', 'bool', true, 'If True, a bias vector is added to the output.'),
    arg('kernel_initializer', 'initializer', keras('GlorotUniform', { seed: null }), 'Initializer for the convolution kernel.'),
    arg('bias_initializer', 'initializer', keras('Zeros'), 'Initializer for the bias vector.'),
    arg('kernel_regularizer', 'regularizer', null, 'Optional regularizer for the convolution kernel.', { nullable: true }),
    arg('bias_regularizer', 'regularizer', null, 'Optional regularizer for the bias vector.', { nullable: true }),
    arg('activity_regularizer', 'regularizer', null, 'Optional regularizer function for the output.', { nullable: true }),
    arg('kernel_constraint', 'constraint', null, 'Optional projection applied to the kernel after each optimizer update.', { nullable: true }),
    arg('bias_constraint', 'constraint', null, 'Optional projection applied to the bias after each optimizer update.', { nullable: true }),
  ],
  positional: ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'groups', 'activation', 'use_bias',
    'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer',
    'kernel_constraint', 'bias_constraint'],
  ...convolution('Conv2D', 2),
};

export default spec;
