import type { LayerSpec } from './types.js';

/** Keras `Conv2D` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'Conv2D',
  baseName: 'conv2d',
  doc: 'Conv2D layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
