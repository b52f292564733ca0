import * as tf from '../backend/tf.js';
import { boolArg, constArg, intsArg, tensorArg } from '../../lambda/call-args.js';
import type { CallExpr } from '../../lambda/call-args.js';
import { resolveAxes, resolveAxis } from '../../lambda/shape-utils.js';
import type { EvalScope, FunctionEvaluator } from './eval-types.js';

type Reduce = (t: tf.Tensor, axes: number[], keepdims: boolean) => tf.Tensor;

const variance: Reduce = (t, axes, keepdims) => tf.moments(t, axes, keepdims).variance;

const REDUCTIONS: Readonly<Record<string, Reduce>> = {
  mean: (t, a, k) => tf.mean(t, a, k),
  sum: (t, a, k) => tf.sum(t, a, k),
  max: (t, a, k) => tf.max(t, a, k),
  min: (t, a, k) => tf.min(t, a, k),
  prod: (t, a, k) => tf.prod(t, a, k),
  var: variance,
  std: (t, a, k) => tf.sqrt(variance(t, a, k)),
  logsumexp: (t, a, k) => tf.logSumExp(t, a, k),
};

const reductionEvaluator = (reduce: Reduce): FunctionEvaluator => (call, s) => {
  const t = s.evaluate(tensorArg(call, 'x'));
  return reduce(t, resolveAxes(intsArg(call, 'axis'), t.shape, s.context), boolArg(call, 'keepdims'));
};

/** argmax/argmin as float32 (Keras returns ints; a float keeps the layer's dtype); None = flattened. */
const argEvaluator = (pick: typeof tf.argMax): FunctionEvaluator => (call: CallExpr, s: EvalScope) => {
  const t = s.evaluate(tensorArg(call, 'x'));
  const axis = constArg(call, 'axis') as number | null;
  const keepdims = boolArg(call, 'keepdims');
  if (axis === null) {
    const index = pick(tf.reshape(t, [-1]), 0);
    return tf.cast(keepdims ? tf.reshape(index, t.shape.map(() => 1)) : index, 'float32');
  }
  const resolved = resolveAxis(axis, t.rank, s.context, t.shape);
  const index = pick(t, resolved);
  return tf.cast(keepdims ? tf.expandDims(index, resolved) : index, 'float32');
};

/** Reductions with numpy's axis=None (every axis) and keepdims. */
export const REDUCTION_EVALUATORS: Readonly<Record<string, FunctionEvaluator>> = {
  ...Object.fromEntries(Object.entries(REDUCTIONS).map(([name, r]) => [name, reductionEvaluator(r)])),
  argmax: argEvaluator(tf.argMax),
  argmin: argEvaluator(tf.argMin),
};
