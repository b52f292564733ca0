import { formatPythonShape, type OutputShape, type Shape } from '../core/shape.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';

/**
 * Shapes, weights and cost shared by SimpleRNN (1 gate block) and LSTM (4: input, forget, cell,
 * output), matching Keras: kernel (features, gates·units), recurrent_kernel (units, gates·units),
 * bias (gates·units,).
 */

/** A concrete Reshape that makes `input` a (batch, timesteps, features) sequence, when obvious. */
function sequenceReshapeHint(input: Shape): string {
  const dims = input.slice(1);
  if (dims.every((d): d is number => d !== null)) {
    if (dims.length === 1) return `Add Reshape(${formatPythonShape([dims[0]!, 1])}) before it to read the ${dims[0]} values as timesteps of 1 feature.`;
    if (dims.length === 3) return `Add Reshape(${formatPythonShape([dims[0]!, dims[1]! * dims[2]!])}) before it to read each row as one timestep.`;
  }
  return 'Add a Reshape to (timesteps, features) before it.';
}

function requireSequence(className: string, input: Shape, args: LayerArgs): void {
  if (input.length !== 3) {
    throw new UserError(`${className} expects a 3-D input (batch, timesteps, features); got ${formatPythonShape(input)}.`, sequenceReshapeHint(input));
  }
  if (args.stateful === true && input[0] === null) {
    throw new UserError(
      `When using \`stateful=True\` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=${formatPythonShape(input)}`,
      `Give the Input a batch size, e.g. Input(shape=${formatPythonShape(input.slice(1))}, batch_size=32).`,
    );
  }
}

/** validate/outputShape/weights/flops for a recurrent layer whose cell has `gates` weight blocks. */
export function recurrent(className: string, gates: number, states: number): Pick<LayerSpec, 'validate' | 'outputShape' | 'weights' | 'flops'> {
  return {
    validate(args) {
      const units = args.units;
      if (!(typeof units === 'number' && Number.isInteger(units) && units > 0)) {
        throw new UserError(`Received an invalid value for argument \`units\`, expected a positive integer, got ${String(units)}.`, 'Use a positive integer, e.g. units=32.');
      }
    },
    outputShape(input, args): OutputShape {
      requireSequence(className, input, args);
      const units = Number(args.units);
      const batch = input[0] ?? null;
      const output: Shape = args.return_sequences === true ? [batch, input[1] ?? null, units] : [batch, units];
      if (args.return_state !== true) return output;
      const state: Shape = [batch, units];
      return [output, ...Array.from({ length: states }, () => state)];
    },
    weights(input, args) {
      requireSequence(className, input, args);
      const features = input[2];
      if (features === null || features === undefined) {
        throw new UserError(`${className} needs a known feature dimension; got input ${formatPythonShape(input)}.`, 'Give the last axis a size, e.g. Input(shape=(None, 8)).');
      }
      const units = Number(args.units);
      const bias = args.use_bias === false ? [] : [{ name: 'bias', shape: [gates * units], trainable: true }];
      return [
        { name: 'kernel', shape: [features, gates * units], trainable: true },
        { name: 'recurrent_kernel', shape: [units, gates * units], trainable: true },
        ...bias,
      ];
    },
    // Multiply-adds per sample: each timestep multiplies the input and the previous state by
    // every gate's matrices. Unknown timesteps (None) make it unknowable; we report 0 then.
    flops(input, _output, args) {
      const [, steps, features] = input;
      if (steps === null || steps === undefined || features === null || features === undefined) return 0;
      const units = Number(args.units);
      return steps * gates * units * (features + units);
    },
  };
}
