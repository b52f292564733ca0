import { pooling, poolingArgs, poolingPositional } from './pooling-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `MaxPooling1D`; `strides=None` means pool_size, as Keras 3 shows in get_config(). */
const spec: LayerSpec = {
  className: 'MaxPooling1D',
  baseName: 'max_pooling1d',
  brief: 'Max over windows of pool_size time steps.',
  builtAtCreation: true,
  doc: 'Max pooling for 1D temporal data: downsamples the input by taking the maximum value over a window of pool_size steps, shifted by strides. Input: (batch, steps, features).',
  args: poolingArgs(1, 2),
  positional: poolingPositional,
  ...pooling('MaxPooling1D', 1),
};

export default spec;
