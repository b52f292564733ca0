import type { LayerSpec } from './types.js';

/** Keras `AveragePooling2D` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'AveragePooling2D',
  baseName: 'average_pooling2d',
  doc: 'AveragePooling2D layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
