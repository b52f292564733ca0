import { arg, keras, required, tuple } from './arg-builders.js';
import { convolution } from './conv-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `Conv1D`: 1D convolution over sequences; arguments and defaults as Keras 3.15's get_config(). */
const spec: LayerSpec = {
  className: 'Conv1D',
  baseName: 'conv1d',
  doc:
    '1D convolution layer (e.g. temporal convolution). Creates a convolution kernel that is ' +
    'convolved with the input over a single spatial (or temporal) dimension; adds a bias and ' +
    'applies `activation` when set. Input: (batch, steps, channels), or (batch, channels, steps) ' +
    "with data_format='channels_first'.",
  args: [
    required('filters', 'int', 'The dimension of the output space (the number of filters in the convolution).'),
    required('kernel_size', 'int_tuple', 'Size of the convolution window: int or tuple of 1 integer.', { rank: 1 }),
    arg('strides', 'int_tuple', tuple(1), 'Stride of the convolution; `strides > 1` is incompatible with `dilation_rate > 1`.', { rank: 1 }),
    arg('padding', 'choice', 'valid', '"valid": no padding; "same": pad evenly so stride 1 keeps the length; "causal": output[t] never sees input[t+1:].', { choices: ['valid', 'same', 'causal'] }),
    arg('data_format', 'choice', 'channels_last', 'Ordering of the input dimensions: "channels_last" or "channels_first".', { choices: ['channels_last', 'channels_first'], nullable: true }),
    arg('dilation_rate', 'int_tuple', tuple(1), 'Dilation rate to use for dilated convolution.', { rank: 1 }),
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
  ...convolution('Conv1D', 1),
};

export default spec;
