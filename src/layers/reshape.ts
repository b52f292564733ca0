import { required } from './arg-builders.js';
import { pyTupleText, formatPythonShape, knownProduct, type Shape } from '../core/shape.js';
import { formatValue } from '../lang/format-value.js';
import { sequenceItems } from './kinds/values.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';

type Dims = readonly (number | null)[];

const targetOf = (args: LayerArgs): Dims => (sequenceItems(args.target_shape ?? null) ?? []) as Dims;
const tupleText = (dims: Dims): string => pyTupleText(dims.map(formatValue));

function validate(args: LayerArgs): void {
  const target = targetOf(args);
  const bad = target.some((d) => d !== null && d < -1);
  if (bad || target.filter((d) => d === -1).length > 1) {
    throw new UserError(
      bad
        ? `Each dimension in \`target_shape\` must be a non-negative integer, or \`-1\` for a single unknown dimension. Received: target_shape=${tupleText(target)}.`
        : `There must be at most one unknown dimension (-1) in \`target_shape\`. Received: target_shape=${tupleText(target)}.`,
      'e.g. Reshape((-1, 4))',
    );
  }
}

/** Keras's `compute_reshape_output_shape`, with the batch axis kept and fix hints added. */
function outputShape(input: Shape, args: LayerArgs): Shape {
  const target = targetOf(args);
  const rest = input.slice(1);
  const size = knownProduct(rest);
  const known = knownProduct(target.filter((d) => d !== -1));
  if (size === null || known === null) return [input[0] ?? null, ...target.map((d) => (d === -1 ? null : d))];
  const hint = `The input has ${size} values per sample (${formatPythonShape(input)}); the target's sizes must multiply to ${size}.`;
  if (!target.includes(-1)) {
    if (known !== size) {
      throw new UserError(
        `The total size of the tensor must be unchanged. Received: input_shape=${formatPythonShape(rest)}, target_shape=${tupleText(target)}`,
        hint,
      );
    }
    return [input[0] ?? null, ...target];
  }
  if (known === 0 || size % known !== 0) {
    throw new UserError(
      `The total size of the tensor must be unchanged, however, the input size cannot be divided by the specified dimensions in target_shape. Received: input_shape=${formatPythonShape(rest)}, target_shape=${tupleText(target)}`,
      hint,
    );
  }
  return [input[0] ?? null, ...target.map((d) => (d === -1 ? size / known : d))];
}

/** Keras `Reshape`: a new shape for the non-batch axes, with at most one -1 inferred. */
const spec: LayerSpec = {
  className: 'Reshape',
  baseName: 'reshape',
  brief: 'Reshapes each sample to target_shape.',
  builtAtCreation: true,
  doc:
    'Reshapes the input to target_shape, not counting the batch axis: Reshape((4, 4)) turns ' +
    '(batch, 16) into (batch, 4, 4). One dimension may be -1 and is inferred from the input size.',
  args: [required('target_shape', 'shape', 'Target shape as a tuple of integers, not including the batch axis; one entry may be -1.')],
  positional: ['target_shape'],
  validate,
  outputShape,
  weights: () => [],
};

export default spec;
