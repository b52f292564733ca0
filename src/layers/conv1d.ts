import type { LayerSpec } from './types.js';

/** Keras `Conv1D` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'Conv1D',
  baseName: 'conv1d',
  doc: 'Conv1D layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
