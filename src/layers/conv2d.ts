import { CONVOLUTION_POSITIONAL, convolutionArgs } from './conv-args.js';
import { convolution } from './conv-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `Conv2D`: 2D convolution over images; arguments and defaults as Keras 3.15's get_config(). */
const spec: LayerSpec = {
  className: 'Conv2D',
  baseName: 'conv2d',
  brief: '2D convolution over images (height, width, channels).',
  doc:
    '2D convolution layer. Creates a convolution kernel that is convolved with the input over ' +
    'two spatial dimensions to produce a tensor of outputs; adds a bias and applies `activation` ' +
    'when set. Input: (batch, rows, cols, channels), or (batch, channels, rows, cols) with ' +
    "data_format='channels_first'.",
  args: convolutionArgs(2),
  positional: CONVOLUTION_POSITIONAL,
  ...convolution('Conv2D', 2),
};

export default spec;
