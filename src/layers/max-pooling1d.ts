import type { LayerSpec } from './types.js';

/** Keras `MaxPooling1D` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'MaxPooling1D',
  baseName: 'max_pooling1d',
  doc: 'MaxPooling1D layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
