/**
 * Keras shapes and the two ways klayers prints them. Python's `str()` of a tuple (`(None, 4)`,
 * `(4,)`) is what messages, configs and Keras 2 summaries show; Keras 3's summary joins the dims
 * itself, so a rank-1 shape there reads `(None)`.
 */

/** A Keras shape including the batch axis first: `(None, 26, 26, 32)` is `[null, 26, 26, 32]`. */
export type Shape = readonly (number | null)[];

/** The most dimensions a shape argument may list: TensorFlow's own limit on a tensor's rank. */
export const MAX_SHAPE_RANK = 254;

/** What a layer outputs: one shape, or several (LSTM with `return_state=True`). */
export type OutputShape = Shape | readonly Shape[];

/** True when the output is several shapes (LSTM with `return_state=True`). */
export function isShapeList(shape: OutputShape): shape is readonly Shape[] {
  return shape.length > 0 && Array.isArray(shape[0]);
}

function dim(d: number | null): string {
  return d === null ? 'None' : String(d);
}

/** `(3,)`, `(3, 3)`, `()`: how Python prints a tuple of already-formatted items. */
export function pyTupleText(items: readonly string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/**
 * Python's `str()` of a shape tuple, or of a list of them: `(None, 28, 28, 1)`, `(None,)`,
 * `[(None, 16), (None, 16)]`. Messages, configs and the Keras 2 summary print shapes this way.
 */
export function formatPythonShape(shape: OutputShape): string {
  if (isShapeList(shape)) return `[${shape.map((s) => formatPythonShape(s)).join(', ')}]`;
  return pyTupleText(shape.map(dim));
}

/**
 * An output shape as Keras 3's summary prints it: `(None, 26, 26, 32)`, `(None, 4)`, and for
 * several outputs `[(None, 16), (None, 16), (None, 16)]`. Keras 3 joins the dims itself, so a
 * rank-1 shape prints as `(None)`, not Python's `(None,)`; a list of one shape prints bare.
 */
export function formatSummaryShape(shape: OutputShape): string {
  if (isShapeList(shape)) {
    const [only] = shape;
    if (shape.length === 1 && only) return formatSummaryShape(only);
    return `[${shape.map((s) => formatSummaryShape(s)).join(', ')}]`;
  }
  return `(${shape.map(dim).join(', ')})`;
}

/** Product of known sizes, or null when any is unknown. */
export function knownProduct(dims: readonly (number | null)[]): number | null {
  return dims.reduce<number | null>((acc, d) => (acc === null || d === null ? null : acc * d), 1);
}
