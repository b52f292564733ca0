import { formatPythonShape, type Shape } from '../core/shape.js';
import { UserError } from '../core/user-error.js';

/**
 * Throw the standard too-low-rank error for layers that take any rank from `min` up (Dense,
 * Flatten): "Dense expects input of rank 2 or more (batch, ..., features); got (None,)."
 */
export function requireMinRank(layer: string, input: Shape, min: number, axes: string, hint?: string): void {
  if (input.length >= min) return;
  throw new UserError(`${layer} expects input of rank ${min} or more (${axes}); got ${formatPythonShape(input)}.`, hint);
}
