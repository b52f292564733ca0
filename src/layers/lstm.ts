import type { LayerSpec } from './types.js';

/** Keras `LSTM` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'LSTM',
  baseName: 'lstm',
  doc: 'LSTM layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
