import { pooling, poolingArgs, poolingPositional } from './pooling-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `AveragePooling2D`; `strides=None` means pool_size, as Keras 3 shows in get_config(). */
const spec: LayerSpec = {
  className: 'AveragePooling2D',
  baseName: 'average_pooling2d',
  brief: 'Average over pool_size windows of an image.',
  builtAtCreation: true,
  doc: 'Average pooling for 2D spatial data: downsamples the input along height and width by taking the average value over a pool_size window for each channel, shifted by strides. Input: (batch, rows, cols, channels).',
  args: poolingArgs(2, null),
  positional: poolingPositional,
  ...pooling('AveragePooling2D', 2),
};

export default spec;
