import * as tf from '../backend/tf.js';
import type { ComparisonOp } from '../../lambda/ast.js';

type Compare = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

const COMPARE: Readonly<Record<ComparisonOp, Compare>> = {
  '<': tf.less,
  '<=': tf.lessEqual,
  '>': tf.greater,
  '>=': tf.greaterEqual,
  '==': tf.equal,
  '!=': tf.notEqual,
};

// tfjs has no gradient for Greater, NotEqual, ... so a model holding `x * (x > 0)` could not train.
// Comparisons are steps: their true gradient is zero almost everywhere, which customGrad states.
const comparisonWithZeroGrad = new Map<ComparisonOp, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor>();

/** `a OP b` as float32 0/1 (as `ops.cast(a > b, 'float32')` in Keras), differentiable with zero gradient. */
export function compareAsFloat(op: ComparisonOp, a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  let fn = comparisonWithZeroGrad.get(op);
  if (fn === undefined) {
    const compare = (left: tf.Tensor, right: tf.Tensor) => ({
      value: tf.cast(COMPARE[op](left, right), 'float32'),
      gradFunc: () => [tf.zerosLike(left), tf.zerosLike(right)],
    });
    fn = tf.customGrad(compare as unknown as Parameters<typeof tf.customGrad>[0]) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
    comparisonWithZeroGrad.set(op, fn);
  }
  return fn(a, b);
}
