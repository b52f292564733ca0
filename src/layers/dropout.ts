import { arg, required } from './arg-builders.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';
import { formatValue } from '../lang/format-value.js';
import { sequenceItems } from './kinds/values.js';

/**
 * Keras `Dropout`. Keras 3 accepts rate=1 (zeroing everything); we refuse it because tfjs scales
 * the kept units by 1/(1-rate) and would produce NaN — and a layer that drops all units is a bug.
 */
function validate(args: LayerArgs): void {
  const rate = args.rate as number;
  if (!(rate >= 0 && rate < 1)) {
    throw new UserError(
      `Invalid value received for argument \`rate\`. Expected a float value between 0 and 1. Received: rate=${formatValue(rate)}`,
      rate === 1 ? 'rate=1 drops every unit; use a value below 1, e.g. Dropout(0.5).' : 'e.g. Dropout(0.5)',
    );
  }
  (sequenceItems(args.noise_shape ?? null) ?? []).forEach((dim, i) => {
    if (dim !== null && (dim as number) <= 0) {
      throw new UserError(
        `Invalid value received for argument \`noise_shape\`. Expected all dimensions to be positive integers or None. Received negative or zero value at index ${i}: ${formatValue(dim)}`,
      );
    }
  });
}

/** Keras `Dropout`: randomly zeroes a fraction `rate` of inputs while training. */
const spec: LayerSpec = {
  className: 'Dropout',
  baseName: 'dropout',
  brief: 'Zeroes a random fraction `rate` of inputs while training.',
  builtAtCreation: true,
  masking: 'pass',
  doc:
    'Randomly sets input units to 0 with frequency `rate` at each training step and scales the ' +
    'others by 1/(1 - rate); does nothing at inference. The output shape equals the input shape.',
  args: [
    required('rate', 'float', 'Fraction of the input units to drop, between 0 and 1.'),
    arg('noise_shape', 'shape', null, 'Shape of the binary dropout mask, to share it across axes, e.g. (batch, 1, features).', { nullable: true }),
    arg('seed', 'int', null, 'Integer seed for the random generator.', { nullable: true }),
  ],
  positional: ['rate', 'noise_shape', 'seed'],
  validate,
  outputShape: (input) => input,
  weights: () => [],
};

export default spec;
