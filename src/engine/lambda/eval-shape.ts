import * as tf from '../backend/tf.js';
import { constArg, intArg, intsArg, tensorArg, tensorsArg } from '../../lambda/call-args.js';
import { insertionAxis, permuteAxes, squeezeAxes, transposeAxes } from '../../lambda/shape-ops.js';
import { resolveAxis } from '../../lambda/shape-utils.js';
import type { FunctionEvaluator } from './eval-types.js';

/** Per-sample reshape: the runtime batch length stays first. */
function perSample(t: tf.Tensor, target: readonly number[]): tf.Tensor {
  return tf.reshape(t, [t.shape[0], ...target]);
}

/** tfjs's cumsum gradient is wrong off the last axis, so that axis is moved last and back. */
function cumsumAlong(t: tf.Tensor, axis: number): tf.Tensor {
  const last = t.rank - 1;
  if (axis === last) return tf.cumsum(t, last);
  const swap = t.shape.map((_, i) => (i === axis ? last : i === last ? axis : i));
  return tf.transpose(tf.cumsum(tf.transpose(t, swap), last), swap);
}

/** Functions that rearrange axes; the axis arithmetic is shared with shape inference. */
export const SHAPE_EVALUATORS: Readonly<Record<string, FunctionEvaluator>> = {
  reshape: (call, s) => perSample(s.evaluate(tensorArg(call, 'x')), intsArg(call, 'shape') ?? []),
  'ops.reshape': (call, s) => tf.reshape(s.evaluate(tensorArg(call, 'x')), [...(intsArg(call, 'shape') ?? [])]),
  flatten: (call, s) => perSample(s.evaluate(tensorArg(call, 'x')), [-1]),
  permute: (call, s) => {
    const t = s.evaluate(tensorArg(call, 'x'));
    return tf.transpose(t, permuteAxes(t.shape, intsArg(call, 'dims') ?? [], s.context));
  },
  transpose: (call, s) => {
    const t = s.evaluate(tensorArg(call, 'x'));
    return tf.transpose(t, transposeAxes(t.shape, intsArg(call, 'axes'), s.context));
  },
  expand_dims: (call, s) => {
    const t = s.evaluate(tensorArg(call, 'x'));
    return tf.expandDims(t, insertionAxis(intArg(call, 'axis'), t.shape, s.context));
  },
  squeeze: (call, s) => {
    const x = tensorArg(call, 'x');
    const t = s.evaluate(x);
    // With axis=None only axes statically known to be 1 go, so a batch of one is never squeezed.
    const given = constArg(call, 'axis') === null ? null : intsArg(call, 'axis');
    const axes = squeezeAxes(given === null ? s.staticShape(x) : t.shape, given, s.context);
    return axes.length === 0 ? t : tf.squeeze(t, axes);
  },
  cumsum: (call, s) => {
    const t = s.evaluate(tensorArg(call, 'x'));
    const axis = constArg(call, 'axis') as number | null;
    if (axis === null) return tf.cumsum(tf.reshape(t, [-1]), 0);
    return cumsumAlong(t, resolveAxis(axis, t.rank, s.context, t.shape));
  },
  concatenate: (call, s) => {
    const parts = tensorsArg(call, 'xs').map(s.evaluate);
    return tf.concat(parts, resolveAxis(intArg(call, 'axis'), parts[0]!.rank, s.context, parts[0]!.shape));
  },
  stack: (call, s) => {
    const parts = tensorsArg(call, 'xs').map(s.evaluate);
    return tf.stack(parts, insertionAxis(intArg(call, 'axis'), parts[0]!.shape, s.context));
  },
};
