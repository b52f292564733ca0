import { arg } from './arg-builders.js';
import { recurrentArgs } from './recurrent-args.js';
import { recurrent } from './recurrent-shapes.js';
import { type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';
import { formatValue } from '../lang/format-value.js';

/** Keras 3 LSTM signature order; `implementation` and `zero_output_for_mask` are keyword-only extras. */
const signature = [
  'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer',
  'bias_initializer', 'unit_forget_bias', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer',
  'activity_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout',
  'recurrent_dropout', 'seed', 'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'use_cudnn',
];

const own = [
  arg('recurrent_activation', 'activation', 'sigmoid', 'Activation function for the recurrent step (default sigmoid); None means linear.'),
  arg('unit_forget_bias', 'bool', true, 'If True, add 1 to the bias of the forget gate at initialization (forces bias_initializer="zeros").'),
  arg('use_cudnn', 'any', 'auto', 'Whether to use a cuDNN-backed implementation: "auto", True or False.'),
  // Keras pops it from **kwargs (default 2) and leaves it out of get_config().
  arg('implementation', 'int', 2, 'Implementation mode, 1 or 2; a performance detail with identical results.'),
];

const base = recurrent('LSTM', 4, 2);

/** Keras `LSTM` (Hochreiter 1997), with Keras 3's defaults: sigmoid gates, unit_forget_bias=True. */
const spec: LayerSpec = {
  className: 'LSTM',
  baseName: 'lstm',
  brief: 'Long Short-Term Memory recurrent layer.',
  masking: 'sequences',
  doc:
    'Long Short-Term Memory layer (Hochreiter 1997). Input: (batch, timesteps, features); output: ' +
    '(batch, units), or (batch, timesteps, units) with return_sequences=True; return_state=True ' +
    'adds the final hidden state and cell state, each (batch, units).',
  args: recurrentArgs([...signature, 'implementation', 'zero_output_for_mask'], own),
  positional: signature,
  ...base,
  validate(args) {
    base.validate?.(args);
    const cudnn = args.use_cudnn;
    if (cudnn !== 'auto' && cudnn !== true && cudnn !== false) {
      throw new UserError(
        `Invalid value received for argument \`use_cudnn\`. Expected one of {'auto', True, False}. Received: use_cudnn=${typeof cudnn === 'string' ? cudnn : formatValue(cudnn ?? null)}`,
        "Use use_cudnn='auto'.",
      );
    }
  },
};

export default spec;
