/**
 * Keras regularizer and constraint Calls -> tfjs objects. Keras's penalties are sums
 * (`l2 * sum(x²)`), as are tfjs's; the norm constraints use the same epsilon (1e-7).
 */
import * as tf from '../backend/tf.js';
import type { Call, Value } from '../../lang/ast.js';
import { show } from './args.js';
import { EngineUnsupported } from './unsupported.js';

type Regularizer = ReturnType<typeof tf.regularizers.l1l2>;
type Constraint = ReturnType<typeof tf.constraints.nonNeg>;

function numberArg(c: Call, name: string, fallback: number): number {
  const v = c.kwargs[name];
  return typeof v === 'number' ? v : fallback;
}

function className(v: Value): string {
  const name = typeof v === 'string' ? v : (v as Call).name;
  return name.split('.').pop() ?? name;
}

function asCall(v: Value): Call {
  return typeof v === 'string' ? { kind: 'call', name: v, args: [], kwargs: {}, column: 0 } : (v as Call);
}

const REGULARIZERS: Record<string, (c: Call) => Regularizer> = {
  // Keras defaults: L1(l1=0.01), L2(l2=0.01), L1L2(l1=0.0, l2=0.0).
  L1: (c) => tf.regularizers.l1l2({ l1: numberArg(c, 'l1', 0.01), l2: 0 }),
  L2: (c) => tf.regularizers.l1l2({ l1: 0, l2: numberArg(c, 'l2', 0.01) }),
  L1L2: (c) => tf.regularizers.l1l2({ l1: numberArg(c, 'l1', 0), l2: numberArg(c, 'l2', 0) }),
};
REGULARIZERS.l1 = REGULARIZERS.L1!;
REGULARIZERS.l2 = REGULARIZERS.L2!;
REGULARIZERS.l1_l2 = REGULARIZERS.L1L2!;

/** The tfjs regularizer for `L2(l2=0.01)` and friends; null/undefined -> undefined. */
export function toRegularizer(v: Value | undefined): Regularizer | undefined {
  if (v === null || v === undefined) return undefined;
  const build = REGULARIZERS[className(v)];
  if (!build) {
    throw new EngineUnsupported(`Regularizer ${show(v)} is not supported by the tfjs engine.`, 'Use L1, L2 or L1L2.');
  }
  return build(asCall(v));
}

const CONSTRAINTS: Record<string, (c: Call) => Constraint> = {
  MaxNorm: (c) => tf.constraints.maxNorm({ maxValue: numberArg(c, 'max_value', 2), axis: numberArg(c, 'axis', 0) }),
  MinMaxNorm: (c) =>
    tf.constraints.minMaxNorm({
      minValue: numberArg(c, 'min_value', 0),
      maxValue: numberArg(c, 'max_value', 1),
      rate: numberArg(c, 'rate', 1),
      axis: numberArg(c, 'axis', 0),
    }),
  // unitNorm() without an argument crashes in tfjs 4.22; the object form works.
  UnitNorm: (c) => tf.constraints.unitNorm({ axis: numberArg(c, 'axis', 0) }),
  NonNeg: () => tf.constraints.nonNeg(),
};
CONSTRAINTS.max_norm = CONSTRAINTS.MaxNorm!;
CONSTRAINTS.min_max_norm = CONSTRAINTS.MinMaxNorm!;
CONSTRAINTS.unit_norm = CONSTRAINTS.UnitNorm!;
CONSTRAINTS.non_neg = CONSTRAINTS.NonNeg!;

/** The tfjs constraint for `MaxNorm(max_value=3, axis=0)` and friends; null/undefined -> undefined. */
export function toConstraint(v: Value | undefined): Constraint | undefined {
  if (v === null || v === undefined) return undefined;
  const build = CONSTRAINTS[className(v)];
  if (!build) {
    throw new EngineUnsupported(`Constraint ${show(v)} is not supported by the tfjs engine.`, 'Use MaxNorm, MinMaxNorm, UnitNorm or NonNeg.');
  }
  return build(asCall(v));
}
