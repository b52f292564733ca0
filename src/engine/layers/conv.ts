/**
 * Conv1D and Conv2D. tfjs's own conv layer is used where it matches Keras; a WrappedLayer adds
 * causal padding, channels-first 1-D data and trainable dilation (see wrapped-layer.ts).
 */
import * as tf from '../backend/tf.js';
import type { PlannedLayer } from '../../layers/types.js';
import { ints, num, str } from '../keras/args.js';
import { WrappedLayer } from '../keras/wrapped-layer.js';
import { useConv2dOp } from './conv2d-op.js';
import { activationOf, dataFormat, refuseBaseArgs, refuseObjects, refuseUnless, weightConfig, type LayerBuilder } from './common.js';

function refuseConv(layer: PlannedLayer) {
  return [
    ...refuseBaseArgs(layer),
    ...refuseObjects(layer, ['kernel', 'bias']),
    ...refuseUnless(layer, 'groups', ['1'], 'tfjs has no grouped convolutions', 'Remove groups= (or use groups=1).'),
  ];
}

function convBuilder(rank: 1 | 2): LayerBuilder {
  return {
    refuse: refuseConv,
    build(layer) {
      const kernel = ints(layer.args, 'kernel_size', rank, 1);
      const dilation = ints(layer.args, 'dilation_rate', rank, 1);
      const padding = str(layer.args, 'padding', 'valid');
      const causal = padding === 'causal';
      const dilated = dilation.some((d) => d > 1);
      const channelsFirst = dataFormat(layer) === 'channelsFirst';
      // tfjs's 1-D conv computes channels-last whatever dataFormat says.
      const wrap = causal || dilated || (rank === 1 && channelsFirst);
      const config = {
        name: layer.name,
        filters: num(layer.args, 'filters', 1),
        kernelSize: rank === 1 ? kernel[0] : kernel,
        strides: rank === 1 ? ints(layer.args, 'strides', 1, 1)[0] : ints(layer.args, 'strides', 2, 1),
        padding: (causal ? 'valid' : padding) as 'valid' | 'same',
        dataFormat: wrap ? ('channelsLast' as const) : dataFormat(layer),
        dilationRate: rank === 1 ? dilation[0] : (dilation as [number, number]),
        activation: activationOf(layer),
        ...weightConfig(layer),
      };
      const inner =
        rank === 1
          ? tf.layers.conv1d(config as Parameters<typeof tf.layers.conv1d>[0])
          : tf.layers.conv2d(config as Parameters<typeof tf.layers.conv2d>[0]);
      if (!wrap) return rank === 2 ? useConv2dOp(inner, config.activation) : inner;
      return new WrappedLayer({
        name: layer.name,
        inner,
        channelsFirst,
        causalPad: causal ? dilation[0]! * (kernel[0]! - 1) : 0,
        ...(dilated ? { dilation } : {}),
      });
    },
  };
}

export const CONV_BUILDERS: Record<string, LayerBuilder> = {
  Conv1D: convBuilder(1),
  Conv2D: convBuilder(2),
};
