import { pooling, poolingArgs, poolingPositional } from './pooling-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras `MaxPooling2D`; `strides=None` means pool_size, as Keras 3 shows in get_config(). */
const spec: LayerSpec = {
  className: 'MaxPooling2D',
  baseName: 'max_pooling2d',
  brief: 'Max over pool_size windows of an image.',
  builtAtCreation: true,
  doc: 'Max pooling for 2D spatial data: downsamples the input along height and width by taking the maximum value over a pool_size window for each channel, shifted by strides. Input: (batch, rows, cols, channels).',
  args: poolingArgs(2, 2),
  positional: poolingPositional,
  ...pooling('MaxPooling2D', 2),
};

export default spec;
