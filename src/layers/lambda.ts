import { arg, required } from './arg-builders.js';
import { lambdaOutputShape, parseLambda } from '../lambda/index.js';
import { sequenceItems } from './kinds/values.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';
import { type Shape } from '../core/shape.js';

/**
 * Keras `Lambda`, over klayers's safe expression language instead of Python code: `function` is a
 * string such as 'x * 2' or 'lambda x: ops.mean(x, axis=-1)', parsed, never evaluated as code.
 */
function validate(args: LayerArgs): void {
  parseLambda(args.function as string);
  if (args.mask !== null) {
    throw new UserError('Lambda: `mask` is not supported by klayers.', 'Remove mask=; use a Masking layer before the sequence layers instead.');
  }
  if (args.arguments !== null) {
    throw new UserError('Lambda: `arguments` is not supported by klayers.', 'Write the values into the expression itself, e.g. Lambda("x * 0.5").');
  }
}

/** Keras: a given output_shape excludes the batch axis; otherwise it is inferred from the expression. */
function outputShape(input: Shape, args: LayerArgs): Shape {
  const given = sequenceItems(args.output_shape ?? null);
  if (given) return [input[0] ?? null, ...(given as Shape)];
  return lambdaOutputShape(parseLambda(args.function as string), input);
}

const spec: LayerSpec = {
  className: 'Lambda',
  baseName: 'lambda',
  brief: "An expression over x as a layer, e.g. Lambda('x * 2').",
  doc:
    "Wraps an expression over the input x as a layer, e.g. Lambda('x * 2') or " +
    "Lambda('lambda x: ops.sum(x, axis=-1)'). The output shape is inferred from the expression unless output_shape is given.",
  args: [
    required('function', 'expression', "The expression over x, as a string, e.g. 'x * 2 + 1'."),
    arg('output_shape', 'shape', null, 'Expected output shape, not including the batch axis; inferred when None.', { nullable: true }),
    arg('mask', 'any', null, 'Mask to apply (not supported by klayers).', { nullable: true }),
    arg('arguments', 'any', null, 'Extra keyword arguments for the function (not supported by klayers).', { nullable: true, noneAsEmptyDict: true }),
  ],
  positional: ['function', 'output_shape', 'mask', 'arguments'],
  validate,
  outputShape,
  weights: () => [],
};

export default spec;
