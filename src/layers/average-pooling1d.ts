import type { LayerSpec } from './types.js';

/** Keras `AveragePooling1D` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'AveragePooling1D',
  baseName: 'average_pooling1d',
  doc: 'AveragePooling1D layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
