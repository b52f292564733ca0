import type { Shape } from '../core/shape.js';
import { constArg, intArg, intsArg, tensorArg, tensorsArg, type CallExpr } from './call-args.js';
import { formatPythonShape } from '../core/shape.js';
import { productOf, resolveAxes, resolveAxis, shapeError, type Dims } from './shape-utils.js';

type Rule = (call: CallExpr, shapeOf: (e: CallExpr['args'][string]) => Shape, context: string) => Dims;

/** Per-sample target shape (batch axis excluded, one -1 inferred), as layers.Reshape. */
function reshapeTarget(input: Shape, target: readonly number[], context: string): Dims {
  if (input.length === 0) throw shapeError(context, 'needs an input with a batch axis, got a scalar');
  const unknown = target.filter((d) => d === -1).length;
  if (unknown > 1 || target.some((d) => d < -1)) {
    throw shapeError(context, `shape ${formatPythonShape(target)} may hold positive lengths and at most one -1`);
  }
  const size = productOf(input.slice(1));
  const known = target.filter((d) => d !== -1).reduce((a, d) => a * d, 1);
  const whole = (n: number | null) => [input[0] as number | null, ...target.map((d) => (d === -1 ? n : d))];
  if (size === null) return whole(null);
  if (unknown === 1 ? known === 0 || size % known !== 0 : size !== known) {
    throw shapeError(context, `cannot reshape ${formatPythonShape(input)} (${size} values per sample) to ${formatPythonShape(target)}`);
  }
  return whole(unknown === 1 ? size / known : null);
}

/**
 * keras.ops.reshape over the whole tensor: a -1 in front takes the batch axis (Keras shows the
 * unknown batch as None); without a -1 the shape is exactly the target, as Keras reports it.
 */
function opsReshapeTarget(input: Shape, target: readonly number[], context: string): Dims {
  const unknown = target.filter((d) => d === -1).length;
  if (unknown > 1 || target.some((d) => d < -1)) {
    throw shapeError(context, `shape ${formatPythonShape(target)} may hold positive lengths and at most one -1`);
  }
  if (unknown === 0) return [...target];
  const size = productOf(input.slice(1));
  const known = target.filter((d) => d !== -1).reduce((a, d) => a * d, 1);
  if (input[0] === null || input[0] === undefined) {
    if (size !== null && (known === 0 || size % known !== 0) && target[0] === -1) {
      throw shapeError(context, `cannot reshape ${formatPythonShape(input)} (${size} values per sample) to ${formatPythonShape(target)}`);
    }
    return target.map((d) => (d === -1 ? null : d));
  }
  const total = productOf(input);
  return target.map((d) => (d === -1 ? (total === null ? null : total / known) : d));
}

/** 1-based per-sample dims as layers.Permute, as 0-based axes including the batch axis. */
export function permuteAxes(input: Shape, dims: readonly number[], context: string): number[] {
  const sorted = [...dims].sort((a, b) => a - b);
  if (input.length === 0 || dims.length !== input.length - 1 || sorted.some((d, i) => d !== i + 1)) {
    const range = input.length <= 1 ? 'nothing' : `1..${input.length - 1}`;
    throw shapeError(context, `dims ${formatPythonShape(dims)} must order ${range} for input ${formatPythonShape(input)}`);
  }
  return [0, ...dims];
}

/** numpy transpose axes (null reverses them), resolved and checked. */
export function transposeAxes(input: Shape, axes: readonly number[] | null, context: string): number[] {
  if (axes === null) return input.map((_, i) => input.length - 1 - i);
  const resolved = axes.map((a) => resolveAxis(a, input.length, context, input));
  if (resolved.length !== input.length || new Set(resolved).size !== resolved.length) {
    throw shapeError(context, `axes ${formatPythonShape(axes)} must order all ${input.length} axes of ${formatPythonShape(input)}`);
  }
  return resolved;
}

/** Axes squeeze removes: the listed ones (each must be 1 or unknown), or every axis known to be 1. */
export function squeezeAxes(input: Shape, axes: readonly number[] | null, context: string): number[] {
  if (axes === null) return input.flatMap((d, i) => (d === 1 ? [i] : []));
  const resolved = resolveAxes(axes, input, context);
  const bad = resolved.find((a) => input[a] !== 1 && input[a] !== null);
  if (bad !== undefined) throw shapeError(context, `cannot squeeze axis ${bad} of size ${input[bad]} in ${formatPythonShape(input)}`);
  return resolved;
}

/** Where a new axis goes (expand_dims, stack): -1 appends; allowed range is -(rank+1)..rank. */
export function insertionAxis(axis: number, input: Shape, context: string): number {
  const rank = input.length;
  if (axis < -rank - 1 || axis > rank) {
    throw shapeError(context, `axis ${axis} is out of range for a new axis in input of rank ${rank} ${formatPythonShape(input)} (allowed ${-rank - 1}..${rank})`);
  }
  return axis < 0 ? axis + rank + 1 : axis;
}

function joinShapes(call: CallExpr, shapeOf: (e: CallExpr['args'][string]) => Shape, context: string, newAxis: boolean): Dims {
  const shapes = tensorsArg(call, 'xs').map(shapeOf);
  const rank = shapes[0]!.length; // the parser refuses an empty list
  const mismatch = shapes.find((s) => s.length !== rank);
  if (mismatch !== undefined || (!newAxis && rank === 0)) {
    throw shapeError(context, `inputs need the same nonzero rank, got ${shapes.map(formatPythonShape).join(' and ')}`);
  }
  const axis = newAxis ? insertionAxis(intArg(call, 'axis'), shapes[0]!, context) : resolveAxis(intArg(call, 'axis'), rank, context, shapes[0]!);
  // numpy does not broadcast here: lengths off the join axis must agree; None takes a known one.
  const offAxis = shapes.map((s) => (newAxis ? [...s] : s.filter((_, i) => i !== axis)));
  const merged = offAxis[0]!.map((_, i) => {
    const known = [...new Set(offAxis.map((s) => s[i]).filter((d) => d !== null))];
    if (known.length > 1) throw shapeError(context, `input shapes ${shapes.map(formatPythonShape).join(' and ')} differ off the join axis`);
    return known[0] ?? null;
  });
  if (newAxis) return [...merged.slice(0, axis), shapes.length, ...merged.slice(axis)];
  const along = shapes.reduce<number | null>((sum, s) => (sum === null || s[axis] === null ? null : sum + (s[axis] as number)), 0);
  return [...merged.slice(0, axis), along, ...merged.slice(axis)];
}

/** Shape rules of the functions that rearrange axes. */
export const SHAPE_OP_RULES: Readonly<Record<string, Rule>> = {
  reshape: (call, shapeOf, context) => reshapeTarget(shapeOf(tensorArg(call, 'x')), intsArg(call, 'shape') ?? [], context),
  'ops.reshape': (call, shapeOf, context) => opsReshapeTarget(shapeOf(tensorArg(call, 'x')), intsArg(call, 'shape') ?? [], context),
  flatten: (call, shapeOf, context) => reshapeTarget(shapeOf(tensorArg(call, 'x')), [-1], context),
  permute: (call, shapeOf, context) => {
    const input = shapeOf(tensorArg(call, 'x'));
    return permuteAxes(input, intsArg(call, 'dims') ?? [], context).map((a) => input[a] as number | null);
  },
  transpose: (call, shapeOf, context) => {
    const input = shapeOf(tensorArg(call, 'x'));
    return transposeAxes(input, intsArg(call, 'axes'), context).map((a) => input[a] as number | null);
  },
  expand_dims: (call, shapeOf, context) => {
    const input = shapeOf(tensorArg(call, 'x'));
    const axis = insertionAxis(intArg(call, 'axis'), input, context);
    return [...input.slice(0, axis), 1, ...input.slice(axis)];
  },
  squeeze: (call, shapeOf, context) => {
    const input = shapeOf(tensorArg(call, 'x'));
    const removed = new Set(squeezeAxes(input, constArg(call, 'axis') === null ? null : intsArg(call, 'axis'), context));
    return input.filter((_, i) => !removed.has(i));
  },
  concatenate: (call, shapeOf, context) => joinShapes(call, shapeOf, context, false),
  stack: (call, shapeOf, context) => joinShapes(call, shapeOf, context, true),
};
