import { arg, required } from './arg-builders.js';
import { lambdaOutputShape, parseLambda } from '../lambda/index.js';
import { sequenceItems } from './kinds/values.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';
import { type Shape } from '../core/shape.js';
import { isCall } from '../lang/ast.js';
import { formatValue } from '../lang/format-value.js';
import { DICT } from '../lang/operators.js';

/**
 * Keras `Lambda`, over klayers's safe expression language instead of Python code: `function` is a
 * string such as 'x * 2' or 'lambda x: ops.mean(x, axis=-1)', parsed, never evaluated as code.
 */
function validate(args: LayerArgs): void {
  parseLambda(args.function as string, lambdaArguments(args));
  if (args.mask !== null) {
    throw new UserError('Lambda: `mask` is not supported by klayers.', 'Remove mask=; use a Masking layer before the sequence layers instead.');
  }
}

/**
 * `arguments={'scale': 0.5}`: the keyword values Keras passes to the function, as numbers by
 * name ({} for None, Keras's default). Anything but a dict of numbers is refused by name.
 */
export function lambdaArguments(args: LayerArgs): Readonly<Record<string, number>> {
  const given = args.arguments ?? null;
  if (given === null) return {};
  if (!isCall(given) || given.name !== DICT || given.args.length > 0) {
    throw new UserError(`Lambda: arguments=${formatValue(given)} is not a dict.`, "Give the lambda's extra parameters by name, e.g. arguments={'scale': 0.5}.");
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(given.kwargs)) {
    if (typeof v !== 'number') throw new UserError(`Lambda: arguments['${k}'] is ${formatValue(v)}; klayers passes numbers to a Lambda's parameters.`, `Give a number, e.g. arguments={'${k}': 0.5}.`);
    Object.defineProperty(out, k, { value: v, enumerable: true });
  }
  return out;
}

/** Keras: a given output_shape excludes the batch axis; otherwise it is inferred from the expression. */
function outputShape(input: Shape, args: LayerArgs): Shape {
  const given = sequenceItems(args.output_shape ?? null);
  if (given) return [input[0] ?? null, ...(given as Shape)];
  return lambdaOutputShape(parseLambda(args.function as string, lambdaArguments(args)), input);
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
    arg('arguments', 'any', null, "Keyword values for the lambda's extra parameters, e.g. {'scale': 0.5} for lambda x, scale: x * scale.", { nullable: true, noneAsEmptyDict: true }),
  ],
  positional: ['function', 'output_shape', 'mask', 'arguments'],
  validate,
  outputShape,
  weights: () => [],
};

export default spec;
