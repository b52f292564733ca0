import type { Shape } from '../core/shape.js';
import { boolArg, constArg, intArg, intsArg, tensorArg, type CallExpr } from './call-args.js';
import { LAMBDA_FUNCTIONS } from './function-table.js';
import { broadcastShapes, productOf, resolveAxes, resolveAxis, type Dims } from './shape-utils.js';
import { SHAPE_OP_RULES } from './shape-ops.js';

/** Infers the shape of one argument expression. */
type ShapeOf = (e: CallExpr['args'][string]) => Shape;
/** Output shape of one function call; `context` names the call in messages. */
type ShapeRule = (call: CallExpr, shapeOf: ShapeOf, context: string) => Dims;

const sameAsX: ShapeRule = (call, shapeOf) => [...shapeOf(tensorArg(call, 'x'))];

const alongAxis: ShapeRule = (call, shapeOf, context) => {
  const shape = shapeOf(tensorArg(call, 'x'));
  resolveAxis(intArg(call, 'axis'), shape.length, context, shape);
  return [...shape];
};

const broadcastArgs = (...names: string[]): ShapeRule => (call, shapeOf, context) =>
  names.map((n) => shapeOf(tensorArg(call, n))).reduce<Dims>((acc, s) => broadcastShapes(acc, s, context), []);

/** Reduces the listed axes (null = all), keeping them as 1 with keepdims. */
function reducedShape(shape: Shape, axes: readonly number[] | null, keepdims: boolean, context: string): Dims {
  const reduced = new Set(resolveAxes(axes, shape, context));
  return shape.flatMap((d, i) => (!reduced.has(i) ? [d] : keepdims ? [1] : []));
}

const reduction: ShapeRule = (call, shapeOf, context) =>
  reducedShape(shapeOf(tensorArg(call, 'x')), intsArg(call, 'axis'), boolArg(call, 'keepdims'), context);

const cumsum: ShapeRule = (call, shapeOf, context) => {
  const shape = shapeOf(tensorArg(call, 'x'));
  const axis = constArg(call, 'axis') as number | null;
  if (axis === null) return [productOf(shape)];
  resolveAxis(axis, shape.length, context, shape);
  return [...shape];
};

const BY_CATEGORY: Readonly<Record<string, ShapeRule>> = { elementwise: sameAsX, reduction };
const SPECIAL: Readonly<Record<string, ShapeRule>> = {
  maximum: broadcastArgs('x1', 'x2'),
  minimum: broadcastArgs('x1', 'x2'),
  power: broadcastArgs('x1', 'x2'),
  pow: broadcastArgs('x1', 'x2'),
  where: broadcastArgs('condition', 'x1', 'x2'),
  softmax: alongAxis,
  log_softmax: alongAxis,
  l2_normalize: alongAxis,
  cumsum,
  ...SHAPE_OP_RULES,
};

/** The shape rule of every function in the table. */
export const SHAPE_RULES: Readonly<Record<string, ShapeRule>> = Object.fromEntries(
  LAMBDA_FUNCTIONS.map((f) => [f.name, SPECIAL[f.name] ?? BY_CATEGORY[f.category]!]),
);
