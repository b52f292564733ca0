import * as tf from '../backend/tf.js';
import { intArg, constArg, tensorArg } from '../../lambda/call-args.js';
import { broadcastShapes, resolveAxis } from '../../lambda/shape-utils.js';
import { compareAsFloat } from './grad.js';
import type { FunctionEvaluator } from './eval-types.js';

type Unary = (t: tf.Tensor) => tf.Tensor;

const GELU_SCALE = Math.sqrt(2 / Math.PI);

const UNARY: Readonly<Record<string, Unary>> = {
  abs: tf.abs, exp: tf.exp, log: tf.log, sqrt: tf.sqrt, square: tf.square, tanh: tf.tanh,
  sigmoid: tf.sigmoid, relu: tf.relu, softplus: tf.softplus, sin: tf.sin, cos: tf.cos,
  sign: tf.sign, floor: tf.floor, ceil: tf.ceil, round: tf.round, negative: tf.neg,
  reciprocal: tf.reciprocal, log1p: tf.log1p, expm1: tf.expm1, relu6: tf.relu6, elu: tf.elu,
  selu: tf.selu,
  softsign: (t) => tf.div(t, tf.add(1, tf.abs(t))),
  silu: (t) => tf.mul(t, tf.sigmoid(t)),
  // Keras's default gelu is the tanh approximation.
  gelu: (t) => tf.mul(tf.mul(0.5, t), tf.add(1, tf.tanh(tf.mul(GELU_SCALE, tf.add(t, tf.mul(0.044715, tf.pow(t, 3))))))),
  hard_sigmoid: (t) => tf.div(tf.relu6(tf.add(t, 3)), 6),
};

const unaryEvaluator = (op: Unary): FunctionEvaluator => (call, s) => op(s.evaluate(tensorArg(call, 'x')));
const binaryEvaluator = (op: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor): FunctionEvaluator => (call, s) =>
  op(s.evaluate(tensorArg(call, 'x1')), s.evaluate(tensorArg(call, 'x2')));

/** Along one axis; tfjs's softmax only handles the last axis, so these are written out. */
const alongAxis = (op: (t: tf.Tensor, axis: number) => tf.Tensor): FunctionEvaluator => (call, s) => {
  const t = s.evaluate(tensorArg(call, 'x'));
  return op(t, resolveAxis(intArg(call, 'axis'), t.rank, s.context));
};

/**
 * tfjs's Maximum/Minimum gradients do not sum over broadcast axes (training throws), so both
 * operands are broadcast explicitly first; broadcastTo's own gradient does the summing.
 */
function broadcastFirst(op: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor) {
  return (a: tf.Tensor, b: tf.Tensor) => {
    const shape = broadcastShapes(a.shape, b.shape, op.name) as number[];
    return op(tf.broadcastTo(a, shape), tf.broadcastTo(b, shape));
  };
}

function shiftedByMax(t: tf.Tensor, axis: number): tf.Tensor {
  return tf.sub(t, tf.max(t, axis, true));
}

/** Elementwise and broadcasting functions. */
export const ELEMENTWISE_EVALUATORS: Readonly<Record<string, FunctionEvaluator>> = {
  ...Object.fromEntries(Object.entries(UNARY).map(([name, op]) => [name, unaryEvaluator(op)])),
  clip: (call, s) =>
    tf.clipByValue(s.evaluate(tensorArg(call, 'x')), constArg(call, 'x_min') as number, constArg(call, 'x_max') as number),
  maximum: binaryEvaluator(broadcastFirst(tf.maximum)),
  minimum: binaryEvaluator(broadcastFirst(tf.minimum)),
  power: binaryEvaluator(tf.pow),
  pow: binaryEvaluator(tf.pow),
  where: (call, s) => {
    const condition = s.evaluate(tensorArg(call, 'condition'));
    const [a, b] = [s.evaluate(tensorArg(call, 'x1')), s.evaluate(tensorArg(call, 'x2'))];
    // tfjs's where wants equal shapes and a bool condition.
    const shape = broadcastShapes(broadcastShapes(condition.shape, a.shape, s.context), b.shape, s.context) as number[];
    const chosen = tf.cast(compareAsFloat('!=', tf.broadcastTo(condition, shape), tf.scalar(0)), 'bool');
    return tf.where(chosen, tf.broadcastTo(a, shape), tf.broadcastTo(b, shape));
  },
  softmax: alongAxis((t, axis) => {
    const e = tf.exp(shiftedByMax(t, axis));
    return tf.div(e, tf.sum(e, axis, true));
  }),
  log_softmax: alongAxis((t, axis) => {
    const shifted = shiftedByMax(t, axis);
    return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), axis, true)));
  }),
  l2_normalize: alongAxis((t, axis) => tf.mul(t, tf.rsqrt(tf.maximum(tf.sum(tf.square(t), axis, true), 1e-12)))),
};
