import { formatPythonShape, type Shape } from '../core/shape.js';
import { UserError } from '../core/user-error.js';

/**
 * Throw the standard wrong-rank error: "Conv1D expects input of rank 3 (batch, steps, features);
 * got (None, 64)." with a fix as the hint.
 */
export function requireRank(layer: string, input: Shape, rank: number, axes: string, hint?: string): void {
  if (input.length === rank) return;
  throw new UserError(`${layer} expects input of rank ${rank} (${axes}); got ${formatPythonShape(input)}.`, hint);
}

/** Like requireRank for layers that take any rank from `min` up (Dense, Flatten). */
export function requireMinRank(layer: string, input: Shape, min: number, axes: string, hint?: string): void {
  if (input.length >= min) return;
  throw new UserError(`${layer} expects input of rank ${min} or more (${axes}); got ${formatPythonShape(input)}.`, hint);
}
