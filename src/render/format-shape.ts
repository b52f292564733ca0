import type { OutputShape, Shape } from '../layers/types.js';
import { formatShape as formatPythonTuple } from '../layers/shape-text.js';

/** True when the output is several shapes (LSTM with `return_state=True`). */
export function isShapeList(shape: OutputShape): shape is readonly Shape[] {
  return shape.length > 0 && Array.isArray(shape[0]);
}

function dim(d: number | null): string {
  return d === null ? 'None' : String(d);
}

/**
 * An output shape as Keras 3's summary prints it: `(None, 26, 26, 32)`, `(None, 4)`, and for
 * several outputs `[(None, 16), (None, 16), (None, 16)]`. Keras 3 joins the dims itself, so a
 * rank-1 shape prints as `(None)`, not Python's `(None,)`; a list of one shape prints bare.
 */
export function formatShape(shape: OutputShape): string {
  if (isShapeList(shape)) {
    if (shape.length === 1) return formatShape(shape[0]);
    return `[${shape.map((s) => formatShape(s)).join(', ')}]`;
  }
  return `(${(shape as Shape).map(dim).join(', ')})`;
}

/** Python's `str()` of a shape tuple (or list of tuples), as tf.keras 2 printed it: `(None,)`. */
export function formatShapePython(shape: OutputShape): string {
  if (isShapeList(shape)) return `[${shape.map((s) => formatShapePython(s)).join(', ')}]`;
  return formatPythonTuple(shape as Shape);
}
