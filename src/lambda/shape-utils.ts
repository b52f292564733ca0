import { UserError } from '../core/user-error.js';
import { type Shape, formatPythonShape } from '../core/shape.js';

/** A shape being computed; `null` is an unknown length (the batch axis, or a None dimension). */
export type Dims = (number | null)[];

/** The UserError for a shape problem, naming the Lambda call it happened in. */
export function shapeError(context: string, problem: string): UserError {
  return new UserError(`Lambda ${context}: ${problem}`);
}

/** Maps a possibly negative axis into [0, rank), as numpy does; throws when out of range. */
export function resolveAxis(axis: number, rank: number, context: string, shape?: Shape): number {
  if (axis < -rank || axis >= rank) {
    const of = shape === undefined ? '' : ` ${formatPythonShape(shape)}`;
    throw shapeError(context, `axis ${axis} is out of range for input of rank ${rank}${of}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Resolves several axes (null = every axis), refusing repeats. Sorted ascending. */
export function resolveAxes(axes: readonly number[] | null, shape: Shape, context: string): number[] {
  if (axes === null) return shape.map((_, i) => i);
  const resolved = axes.map((a) => resolveAxis(a, shape.length, context, shape));
  if (new Set(resolved).size !== resolved.length) throw shapeError(context, `axis ${formatPythonShape(axes)} repeats an axis`);
  return [...resolved].sort((a, b) => a - b);
}

/**
 * numpy broadcasting with unknown lengths, as Keras's `broadcast_shapes`: None against 1 stays
 * None, None against n becomes n.
 */
export function broadcastShapes(a: Shape, b: Shape, context: string): Dims {
  const rank = Math.max(a.length, b.length);
  const padA = [...Array(rank - a.length).fill(1), ...a] as Dims;
  const padB = [...Array(rank - b.length).fill(1), ...b] as Dims;
  return padA.map((da, i) => {
    const db = padB[i] as number | null;
    if (da === 1) return db;
    if (db === 1) return da;
    if (da === null) return db;
    if (db === null || db === da) return da;
    throw shapeError(context, `cannot broadcast shapes ${formatPythonShape(a)} and ${formatPythonShape(b)} (${da} vs ${db} at axis ${i})`);
  });
}

/** Product of known lengths, or null when any is unknown. */
export function productOf(dims: Shape): number | null {
  return dims.reduce<number | null>((acc, d) => (acc === null || d === null ? null : acc * d), 1);
}
