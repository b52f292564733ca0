import { recurrentArgs } from './recurrent-args.js';
import { recurrent } from './recurrent-shapes.js';
import type { LayerSpec } from './types.js';

/** Keras 3 SimpleRNN signature order; `zero_output_for_mask` is a keyword-only extra (RNN base). */
const signature = [
  'units', 'activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
  'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer',
  'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout',
  'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'seed',
];

/** Keras `SimpleRNN`: a fully-connected RNN whose output is fed back as the new input. */
const spec: LayerSpec = {
  className: 'SimpleRNN',
  baseName: 'simple_rnn',
  brief: 'Fully connected RNN: the output is fed back at each step.',
  masking: 'sequences',
  doc:
    'Fully-connected RNN where the output is to be fed back as the new input. Input: ' +
    '(batch, timesteps, features); output: (batch, units), or (batch, timesteps, units) with ' +
    'return_sequences=True; return_state=True adds the final state (batch, units).',
  args: recurrentArgs([...signature, 'zero_output_for_mask']),
  positional: signature,
  ...recurrent('SimpleRNN', 1, 1),
};

export default spec;
