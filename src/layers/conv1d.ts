import { CONVOLUTION_POSITIONAL, convolutionArgs } from './conv-args.js';
import { convolution } from './conv-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `Conv1D`: 1D convolution over sequences; arguments and defaults as Keras 3.15's get_config(). */
const spec: LayerSpec = {
  className: 'Conv1D',
  baseName: 'conv1d',
  brief: '1D convolution over time steps (sequences, audio, sensors).',
  doc:
    '1D convolution layer (e.g. temporal convolution). Creates a convolution kernel that is ' +
    'convolved with the input over a single spatial (or temporal) dimension; adds a bias and ' +
    'applies `activation` when set. Input: (batch, steps, channels), or (batch, channels, steps) ' +
    "with data_format='channels_first'.",
  args: convolutionArgs(1),
  positional: CONVOLUTION_POSITIONAL,
  ...convolution('Conv1D', 1),
};

export default spec;
