import type { FunctionCategory, LambdaFunction, LambdaParam } from './functions.js';

const X: LambdaParam = { name: 'x', kind: 'tensor' };
const AXIS_LAST: LambdaParam = { name: 'axis', kind: 'int', default: -1 };
const REDUCE: readonly LambdaParam[] = [
  X,
  { name: 'axis', kind: 'axes', default: null },
  { name: 'keepdims', kind: 'bool', default: false },
];

function fn(name: string, category: FunctionCategory, params: readonly LambdaParam[], doc: string): LambdaFunction {
  return { name, category, params, doc };
}
const unary = (name: string, doc: string) => fn(name, 'elementwise', [X], doc);
const binary = (name: string, doc: string) =>
  fn(name, 'binary', [{ name: 'x1', kind: 'tensor' }, { name: 'x2', kind: 'tensor' }], doc);
const reduce = (name: string, doc: string) => fn(name, 'reduction', REDUCE, doc);

/**
 * Every function a Lambda expression may call, in help order. Names and argument names follow
 * `keras.ops`; where a Keras layer's per-sample meaning is more useful (reshape, permute,
 * flatten) the doc line says so.
 */
export const LAMBDA_FUNCTIONS: readonly LambdaFunction[] = [
  unary('abs', 'Absolute value, elementwise.'),
  unary('exp', 'e to the power x, elementwise.'),
  unary('log', 'Natural logarithm, elementwise.'),
  unary('sqrt', 'Square root, elementwise.'),
  unary('square', 'x * x, elementwise.'),
  unary('tanh', 'Hyperbolic tangent, elementwise.'),
  unary('sigmoid', '1 / (1 + exp(-x)), elementwise.'),
  unary('relu', 'max(x, 0), elementwise.'),
  unary('softplus', 'log(1 + exp(x)), elementwise.'),
  unary('sin', 'Sine, elementwise.'),
  unary('cos', 'Cosine, elementwise.'),
  unary('sign', '-1, 0 or 1 by the sign of x, elementwise.'),
  unary('floor', 'Largest integer not above x, elementwise.'),
  unary('ceil', 'Smallest integer not below x, elementwise.'),
  unary('round', 'Nearest integer, halves to even (as numpy), elementwise.'),
  unary('negative', '-x, elementwise.'),
  unary('reciprocal', '1 / x, elementwise.'),
  unary('log1p', 'log(1 + x), elementwise.'),
  unary('expm1', 'exp(x) - 1, elementwise.'),
  unary('relu6', 'min(max(x, 0), 6), elementwise.'),
  unary('elu', 'x if x > 0 else exp(x) - 1, elementwise.'),
  unary('selu', 'Scaled exponential linear unit, elementwise.'),
  unary('softsign', 'x / (1 + abs(x)), elementwise.'),
  unary('silu', 'x * sigmoid(x) (swish), elementwise.'),
  unary('gelu', 'Gaussian error linear unit, tanh approximation (Keras default), elementwise.'),
  unary('hard_sigmoid', 'relu6(x + 3) / 6 (Keras 3), elementwise.'),
  fn('clip', 'elementwise', [X, { name: 'x_min', kind: 'number' }, { name: 'x_max', kind: 'number' }], 'Limits x to [x_min, x_max].'),
  binary('maximum', 'Larger of x1 and x2, elementwise with broadcasting.'),
  binary('minimum', 'Smaller of x1 and x2, elementwise with broadcasting.'),
  binary('power', 'x1 to the power x2, elementwise with broadcasting.'),
  binary('pow', 'Same as power(x1, x2).'),
  fn('where', 'binary', [{ name: 'condition', kind: 'tensor' }, { name: 'x1', kind: 'tensor' }, { name: 'x2', kind: 'tensor' }], 'x1 where condition is nonzero, else x2, with broadcasting.'),
  reduce('mean', 'Mean over axis (None: every axis, the batch axis too, as numpy).'),
  reduce('sum', 'Sum over axis (None: every axis, the batch axis too).'),
  reduce('max', 'Maximum over axis (None: every axis, the batch axis too).'),
  reduce('min', 'Minimum over axis (None: every axis, the batch axis too).'),
  reduce('prod', 'Product over axis (None: every axis, the batch axis too).'),
  reduce('std', 'Population standard deviation over axis (None: every axis).'),
  reduce('var', 'Population variance over axis (None: every axis).'),
  reduce('logsumexp', 'log(sum(exp(x))) over axis, computed stably (None: every axis).'),
  fn('argmax', 'reduction', [X, { name: 'axis', kind: 'int_or_none', default: null }, { name: 'keepdims', kind: 'bool', default: false }], 'Index of the largest value along axis, as a float (None: of the flattened tensor).'),
  fn('argmin', 'reduction', [X, { name: 'axis', kind: 'int_or_none', default: null }, { name: 'keepdims', kind: 'bool', default: false }], 'Index of the smallest value along axis, as a float (None: of the flattened tensor).'),
  fn('softmax', 'elementwise', [X, AXIS_LAST], 'exp(x) / sum(exp(x)) along axis.'),
  fn('log_softmax', 'elementwise', [X, AXIS_LAST], 'log(softmax(x)) along axis, computed stably.'),
  fn('l2_normalize', 'elementwise', [X, AXIS_LAST], 'x / sqrt(max(sum(x**2), 1e-12)) along axis.'),
  fn('cumsum', 'shape', [X, { name: 'axis', kind: 'int_or_none', default: null }], 'Running sum along axis (None: of the flattened tensor).'),
  fn('reshape', 'shape', [X, { name: 'shape', kind: 'ints' }], 'Per-sample reshape like layers.Reshape: shape excludes the batch axis; one -1 is inferred.'),
  fn('ops.reshape', 'shape', [X, { name: 'shape', kind: 'ints' }], "keras.ops.reshape: the shape includes the batch axis, e.g. ops.reshape(x, (-1, 40)); a bare reshape(x, shape) is per sample."),
  fn('flatten', 'shape', [X], 'Per-sample flatten like layers.Flatten: (batch, d1*d2*...).'),
  fn('permute', 'shape', [X, { name: 'dims', kind: 'ints' }], 'Per-sample axis order like layers.Permute: 1-based, batch axis excluded, e.g. (2, 1).'),
  fn('transpose', 'shape', [X, { name: 'axes', kind: 'ints_or_none', default: null }], 'numpy transpose: 0-based axes including the batch axis (None reverses all).'),
  fn('expand_dims', 'shape', [X, { name: 'axis', kind: 'int' }], 'Inserts an axis of length 1 at axis (0 is the batch axis).'),
  fn('squeeze', 'shape', [X, { name: 'axis', kind: 'axes', default: null }], 'Removes axes of length 1 (None: every axis known to be 1).'),
  fn('concatenate', 'shape', [{ name: 'xs', kind: 'tensors' }, AXIS_LAST], 'Joins tensors along an existing axis (default -1 as layers.Concatenate, not 0).'),
  fn('stack', 'shape', [{ name: 'xs', kind: 'tensors' }, AXIS_LAST], 'Joins same-shaped tensors along a new axis (default -1, not 0).'),
];

const BY_NAME = new Map(LAMBDA_FUNCTIONS.map((f) => [f.name, f]));

/** The function called `name`, or undefined. */
export function findLambdaFunction(name: string): LambdaFunction | undefined {
  return BY_NAME.get(name);
}
