import type { LayerSpec } from './types.js';

/** Keras `SimpleRNN` (stub; filled in shortly). */
const spec: LayerSpec = {
  className: 'SimpleRNN',
  baseName: 'simple_rnn',
  doc: 'SimpleRNN layer.',
  args: [],
  positional: [],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
