import { arg, keras, required, tuple } from './arg-builders.js';
import type { ArgSpec } from './types.js';

/**
 * The arguments Keras 3.15 gives Conv1D and Conv2D, in signature order; they differ only in the
 * rank of the tuples and in Conv1D's extra `padding='causal'`.
 */
export function convolutionArgs(rank: 1 | 2): ArgSpec[] {
  const ones = tuple(...Array.from({ length: rank }, () => 1));
  const padding =
    rank === 1
      ? arg('padding', 'choice', 'valid', '"valid": no padding; "same": pad evenly so stride 1 keeps the length; "causal": output[t] never sees input[t+1:].', { choices: ['valid', 'same', 'causal'] })
      : arg('padding', 'choice', 'valid', '"valid" means no padding; "same" pads evenly so stride 1 keeps the size.', { choices: ['valid', 'same'] });
  return [
    required('filters', 'int', 'The dimension of the output space (the number of filters in the convolution).'),
    required('kernel_size', 'int_tuple', `Size of the convolution window: int or tuple of ${rank} integer${rank === 1 ? '' : 's'}.`, { rank }),
    arg('strides', 'int_tuple', ones, 'Stride of the convolution; `strides > 1` is incompatible with `dilation_rate > 1`.', { rank }),
    padding,
    arg('data_format', 'choice', 'channels_last', 'Ordering of the input dimensions: "channels_last" or "channels_first".', { choices: ['channels_last', 'channels_first'], nullable: true }),
    arg('dilation_rate', 'int_tuple', ones, 'Dilation rate to use for dilated convolution.', { rank }),
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
  ];
}

/** Keras's positional order for Conv1D/Conv2D. */
export const CONVOLUTION_POSITIONAL = ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'groups', 'activation', 'use_bias',
    'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer',
    'kernel_constraint', 'bias_constraint'];
