import { arg, keras, required } from './arg-builders.js';
import { requireMinRank } from './shape-text.js';
import { formatPythonShape, type Shape } from '../core/shape.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';

/** Keras 3.15 `Dense.__init__` order (quantization and LoRA arguments last). */
const SIGNATURE = [
  'units', 'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer',
  'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint', 'lora_rank',
  'lora_alpha', 'quantization_config',
];

/** The size of the last input axis, which Dense contracts with its kernel. */
function inputFeatures(input: Shape): number {
  requireMinRank('Dense', input, 2, 'batch, ..., features', 'Add Reshape((1,)) or an Input with shape=(n,) before it.');
  const last = input[input.length - 1];
  if (last === null || last === undefined) {
    throw new UserError(
      `Dense needs the last axis of its input to be known; got ${formatPythonShape(input)}.`,
      'Give the Input a fixed last size, e.g. Input(shape=(None, 8)).',
    );
  }
  return last;
}

/** Keras `Dense`: `activation(dot(input, kernel) + bias)` on the last axis. */
const spec: LayerSpec = {
  className: 'Dense',
  baseName: 'dense',
  brief: 'Fully connected: activation(dot(x, kernel) + bias).',
  masking: 'pass',
  doc:
    'Densely-connected layer: output = activation(dot(input, kernel) + bias). On inputs of rank ' +
    'above 2 it applies to the last axis: (batch, d0, d1) -> (batch, d0, units).',
  args: [
    required('units', 'int', 'Dimensionality of the output space (a positive integer).'),
    arg('activation', 'activation', 'linear', 'Activation function; None means linear (a(x) = x).'),
    arg('use_bias', 'bool', true, 'Whether the layer adds a bias vector.'),
    arg('kernel_initializer', 'initializer', keras('GlorotUniform', { seed: null, input_axes: null, output_axes: null }), 'Initializer for the kernel weights matrix.'),
    arg('bias_initializer', 'initializer', keras('Zeros'), 'Initializer for the bias vector.'),
    arg('kernel_regularizer', 'regularizer', null, 'Regularizer applied to the kernel weights matrix.', { nullable: true }),
    arg('bias_regularizer', 'regularizer', null, 'Regularizer applied to the bias vector.', { nullable: true }),
    arg('activity_regularizer', 'regularizer', null, 'Regularizer applied to the output of the layer.', { nullable: true }),
    arg('kernel_constraint', 'constraint', null, 'Constraint applied to the kernel weights matrix.', { nullable: true }),
    arg('bias_constraint', 'constraint', null, 'Constraint applied to the bias vector.', { nullable: true }),
    arg('lora_rank', 'int', null, 'Rank of a LoRA update to the kernel (not supported by klayers).', { nullable: true }),
    arg('lora_alpha', 'int', null, 'LoRA scaling factor; defaults to lora_rank (not supported by klayers).', { nullable: true }),
    arg('quantization_config', 'any', null, 'Quantization settings (not supported by klayers).', { nullable: true }),
  ],
  positional: SIGNATURE,
  validate(args: LayerArgs) {
    const units = args.units as number;
    if (units <= 0) {
      throw new UserError(
        `Received an invalid value for \`units\`, expected a positive integer. Received: units=${units}`,
        'e.g. Dense(64)',
      );
    }
    for (const name of ['lora_rank', 'lora_alpha', 'quantization_config']) {
      if (args[name] !== null && args[name] !== undefined) {
        throw new UserError(`Dense: \`${name}\` is not supported by klayers (tfjs has no LoRA or quantized layers).`, `Remove ${name}=.`);
      }
    }
  },
  outputShape(input, args) {
    inputFeatures(input);
    return [...input.slice(0, -1), args.units as number];
  },
  weights(input, args) {
    const units = args.units as number;
    const trainable = args.trainable !== false;
    const kernel = { name: 'kernel', shape: [inputFeatures(input), units], trainable };
    return args.use_bias ? [kernel, { name: 'bias', shape: [units], trainable }] : [kernel];
  },
  flops(input, _output, args) {
    const rows = input.slice(1, -1).reduce<number>((n, d) => n * (d ?? 1), 1);
    return rows * inputFeatures(input) * (args.units as number);
  },
};

export default spec;
