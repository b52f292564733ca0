import { required } from './arg-builders.js';
import { formatValue } from '../lang/format-value.js';
import { pyTupleText, formatPythonShape, type Shape } from '../core/shape.js';
import { sequenceItems } from './kinds/values.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';

const dimsOf = (args: LayerArgs): number[] => (sequenceItems(args.dims ?? null) ?? []) as number[];

/** Keras: the dims must be exactly 1..n in some order (the batch axis 0 never moves). */
function validate(args: LayerArgs): void {
  const dims = dimsOf(args);
  const sorted = [...dims].sort((a, b) => a - b);
  if (!sorted.every((d, i) => d === i + 1)) {
    throw new UserError(
      `Invalid permutation argument \`dims\` for Permute Layer. The set of indices in \`dims\` must be consecutive and start from 1. Received dims=${pyTupleText(dims.map(formatValue))}`,
      `Axes are 1-based (0 is the batch), e.g. Permute((2, 1)) swaps the two non-batch axes.`,
    );
  }
}

function outputShape(input: Shape, args: LayerArgs): Shape {
  const dims = dimsOf(args);
  if (input.length !== dims.length + 1) {
    throw new UserError(
      `Permute with dims=${pyTupleText(dims.map(formatValue))} expects input of rank ${dims.length + 1} (batch + ${dims.length} axes); got ${formatPythonShape(input)}.`,
      `Give one index per non-batch axis: ${input.length - 1} here, e.g. Permute(${pyTupleText(
        Array.from({ length: Math.max(1, input.length - 1) }, (_, i) => String(input.length - 1 - i)),
      )}).`,
    );
  }
  return [input[0] ?? null, ...dims.map((d) => input[d] ?? null)];
}

/** Keras `Permute`: reorders the non-batch axes by a 1-based pattern. */
const spec: LayerSpec = {
  className: 'Permute',
  baseName: 'permute',
  brief: 'Reorders the axes of each sample: (2, 1) swaps two axes.',
  doc:
    'Permutes the axes of the input by a 1-based pattern that does not include the batch axis: ' +
    'Permute((2, 1)) turns (batch, 10, 64) into (batch, 64, 10).',
  args: [required('dims', 'shape', 'Permutation pattern as a tuple of 1-based axis indices, e.g. (2, 1).')],
  positional: ['dims'],
  validate,
  outputShape,
  weights: () => [],
};

export default spec;
