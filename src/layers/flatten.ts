import { arg } from './arg-builders.js';
import { knownProduct } from '../core/shape.js';
import type { LayerSpec } from './types.js';

/** Keras `Flatten`: (batch, d1, d2, ...) -> (batch, d1*d2*...); unknown sizes give None. */
const spec: LayerSpec = {
  className: 'Flatten',
  baseName: 'flatten',
  brief: 'Flattens each sample to one axis; the batch axis stays.',
  doc:
    'Flattens the input without affecting the batch size: (batch, 4, 4, 8) -> (batch, 128). A ' +
    '(batch,) input becomes (batch, 1). With channels_first the channels axis is moved last first.',
  args: [
    arg('data_format', 'choice', 'channels_last', "'channels_last' or 'channels_first': the ordering of the input axes; None means 'channels_last'.", {
      choices: ['channels_last', 'channels_first'],
    }),
  ],
  positional: ['data_format'],
  // Keras: a rank-1 input flattens to (batch, 1); any unknown non-batch size makes the result None.
  outputShape: (input) => [input[0] ?? null, input.length <= 1 ? 1 : knownProduct(input.slice(1))],
  weights: () => [],
};

export default spec;
