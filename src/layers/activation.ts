import { required } from './arg-builders.js';
import type { LayerSpec } from './types.js';

/** Keras `Activation`: applies an activation function elementwise; the shape is unchanged. */
const spec: LayerSpec = {
  className: 'Activation',
  baseName: 'activation',
  brief: 'Applies an activation function (relu, softmax, tanh, ...).',
  builtAtCreation: true,
  masking: 'pass',
  doc: "Applies an activation function to its input, e.g. Activation('relu'). The output shape equals the input shape.",
  args: [required('activation', 'activation', "Activation function name, e.g. 'relu'; None means linear.")],
  positional: ['activation'],
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
