import { pyTupleText } from './kinds/python-repr.js';
import { LayerError, type Shape } from './types.js';

/** A shape as Keras prints it: `(None, 28, 28, 1)`. */
export function formatShape(shape: Shape): string {
  return pyTupleText(shape.map((d) => (d === null ? 'None' : String(d))));
}

/**
 * Throw the standard wrong-rank error: "Conv1D expects input of rank 3 (batch, steps, features);
 * got (None, 64)." with a fix as the hint.
 */
export function requireRank(layer: string, input: Shape, rank: number, axes: string, hint?: string): void {
  if (input.length === rank) return;
  throw new LayerError(`${layer} expects input of rank ${rank} (${axes}); got ${formatShape(input)}.`, hint);
}

/** Like requireRank for layers that take any rank from `min` up (Dense, Flatten). */
export function requireMinRank(layer: string, input: Shape, min: number, axes: string, hint?: string): void {
  if (input.length >= min) return;
  throw new LayerError(`${layer} expects input of rank ${min} or more (${axes}); got ${formatShape(input)}.`, hint);
}

/** Product of known sizes, or null when any is unknown. */
export function knownProduct(dims: readonly (number | null)[]): number | null {
  return dims.reduce<number | null>((acc, d) => (acc === null || d === null ? null : acc * d), 1);
}
