import { arg } from './arg-builders.js';
import type { LayerSpec } from './types.js';

/** Keras `Masking`: marks timesteps whose features all equal `mask_value` as skipped. */
const spec: LayerSpec = {
  className: 'Masking',
  baseName: 'masking',
  brief: 'Marks timesteps equal to mask_value as padding for RNNs.',
  builtAtCreation: true,
  masking: 'make',
  doc:
    'Masks a sequence by skipping timesteps: a timestep is masked when all its features equal ' +
    'mask_value, and downstream layers that support masking (LSTM, SimpleRNN) skip it. Shape unchanged.',
  args: [arg('mask_value', 'float', 0.0, 'Value that marks a timestep as padding.')],
  positional: ['mask_value'],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
