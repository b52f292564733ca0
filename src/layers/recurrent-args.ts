import { arg, keras, required } from './arg-builders.js';
import type { ArgSpec } from './types.js';

/**
 * Argument declarations SimpleRNN and LSTM share, keyed by Keras name. Each layer lists the names
 * in its own Keras signature order with `recurrentArgs`, so the two stay in sync with Keras
 * without repeating the docs.
 */
const shared: Record<string, ArgSpec> = Object.fromEntries(
  [
    required('units', 'int', 'Positive integer, dimensionality of the output space.'),
    arg('activation', 'activation', 'tanh', 'Activation function to use (default tanh); None means linear.'),
    arg('use_bias', 'bool', true, 'Whether the layer uses a bias vector.'),
    arg('kernel_initializer', 'initializer', keras('GlorotUniform', { seed: null }), 'Initializer for the `kernel` weights matrix (the inputs).'),
    arg('recurrent_initializer', 'initializer', keras('Orthogonal', { seed: null, gain: 1.0 }), 'Initializer for the `recurrent_kernel` weights matrix (the recurrent state).'),
    arg('bias_initializer', 'initializer', keras('Zeros'), 'Initializer for the bias vector.'),
    arg('kernel_regularizer', 'regularizer', null, 'Regularizer function applied to the `kernel` weights matrix.', { nullable: true }),
    arg('recurrent_regularizer', 'regularizer', null, 'Regularizer function applied to the `recurrent_kernel` weights matrix.', { nullable: true }),
    arg('bias_regularizer', 'regularizer', null, 'Regularizer function applied to the bias vector.', { nullable: true }),
    arg('activity_regularizer', 'regularizer', null, 'Regularizer function applied to the output of the layer.', { nullable: true }),
    arg('kernel_constraint', 'constraint', null, 'Constraint function applied to the `kernel` weights matrix.', { nullable: true }),
    arg('recurrent_constraint', 'constraint', null, 'Constraint function applied to the `recurrent_kernel` weights matrix.', { nullable: true }),
    arg('bias_constraint', 'constraint', null, 'Constraint function applied to the bias vector.', { nullable: true }),
    arg('dropout', 'float', 0.0, 'Float between 0 and 1. Fraction of the units to drop for the linear transformation of the inputs.'),
    arg('recurrent_dropout', 'float', 0.0, 'Float between 0 and 1. Fraction of the units to drop for the linear transformation of the recurrent state.'),
    arg('return_sequences', 'bool', false, 'Whether to return the last output in the output sequence, or the full sequence.'),
    arg('return_state', 'bool', false, 'Whether to return the last state in addition to the output.'),
    arg('go_backwards', 'bool', false, 'If True, process the input sequence backwards and return the reversed sequence.'),
    arg('stateful', 'bool', false, 'If True, the last state of each sample is the initial state for that sample in the next batch.'),
    arg('unroll', 'bool', false, 'If True, the network is unrolled instead of using a symbolic loop (short sequences only).'),
    arg('seed', 'int', null, 'Random seed for dropout.', { nullable: true }),
    arg('zero_output_for_mask', 'bool', false, 'Whether masked timesteps output zeros instead of repeating the previous output.'),
  ].map((spec) => [spec.name, spec]),
);

/** The shared declarations for `names`, in that order; `own` supplies layer-specific ones. */
export function recurrentArgs(names: readonly string[], own: readonly ArgSpec[] = []): ArgSpec[] {
  const ownByName = new Map(own.map((spec) => [spec.name, spec]));
  return names.map((name) => {
    const spec = ownByName.get(name) ?? shared[name];
    if (!spec) throw new Error(`recurrentArgs: no declaration for ${name}`);
    return spec;
  });
}
