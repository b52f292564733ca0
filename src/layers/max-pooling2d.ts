import type { LayerSpec } from './types.js';

/** Keras `MaxPooling2D` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'MaxPooling2D',
  baseName: 'max_pooling2d',
  doc: 'MaxPooling2D layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
