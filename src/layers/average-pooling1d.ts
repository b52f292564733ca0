import { pooling, poolingArgs, poolingPositional } from './pooling-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `AveragePooling1D`; `strides=None` means pool_size, as Keras 3 shows in get_config(). */
const spec: LayerSpec = {
  className: 'AveragePooling1D',
  baseName: 'average_pooling1d',
  brief: 'Average over windows of pool_size time steps.',
  builtAtCreation: true,
  doc: 'Average pooling for temporal data: downsamples the input by taking the average value over a window of pool_size steps, shifted by strides. Input: (batch, steps, features).',
  args: poolingArgs(1, null),
  positional: poolingPositional,
  ...pooling('AveragePooling1D', 1),
};

export default spec;
