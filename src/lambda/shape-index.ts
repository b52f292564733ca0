import type { Shape } from '../core/shape.js';
import type { IndexItem } from './ast.js';
import { formatPythonShape } from '../core/shape.js';
import { shapeError, type Dims } from './shape-utils.js';

/** The positions a slice visits on an axis of length n, following Python's `slice.indices`. */
interface SliceRange {
  readonly start: number;
  readonly step: number;
  readonly length: number;
}

/** Python's `slice(start, stop, step).indices(n)` plus the resulting length. */
export function sliceRange(item: Extract<IndexItem, { kind: 'slice' }>, n: number): SliceRange {
  const step = item.step ?? 1;
  const [lower, upper] = step > 0 ? [0, n] : [-1, n - 1];
  const clamp = (v: number | null, fallback: number) =>
    v === null ? fallback : v < 0 ? Math.max(v + n, lower) : Math.min(v, upper);
  const start = clamp(item.start, step > 0 ? lower : upper);
  const stop = clamp(item.stop, step > 0 ? upper : lower);
  const span = step > 0 ? stop - start : start - stop;
  return { start, step, length: Math.max(0, Math.ceil(span / Math.abs(step))) };
}

/** One integer index on an axis of length n, made non-negative; throws when out of range. */
export function resolveIndex(index: number, n: number, axis: number, context: string): number {
  if (index < -n || index >= n) throw shapeError(context, `index ${index} is out of range for axis ${axis} with size ${n}`);
  return index < 0 ? index + n : index;
}

/** Replaces `...` (or the missing tail) with full slices so every input axis has one item. */
export function expandIndex(items: readonly IndexItem[], rank: number, context: string): IndexItem[] {
  const consuming = items.filter((i) => i.kind === 'at' || i.kind === 'slice').length;
  if (consuming > rank) {
    throw shapeError(context, `too many indices: ${consuming} for input of rank ${rank}`);
  }
  const fill: IndexItem[] = Array.from({ length: rank - consuming }, () => ({ kind: 'slice', start: null, stop: null, step: null }));
  const at = items.findIndex((i) => i.kind === 'ellipsis');
  return at < 0 ? [...items, ...fill] : [...items.slice(0, at), ...fill, ...items.slice(at + 1)];
}

/** The shape `target[items]` has, with numpy meaning; unknown lengths stay unknown. */
export function indexOutputShape(items: readonly IndexItem[], shape: Shape, context: string): Dims {
  const out: Dims = [];
  let axis = 0;
  for (const item of expandIndex(items, shape.length, context)) {
    if (item.kind === 'newaxis') {
      out.push(1);
      continue;
    }
    const n = shape[axis] as number | null; // expandIndex gives one consuming item per axis
    if (item.kind === 'at' && n !== null) resolveIndex(item.index, n, axis, context);
    if (item.kind === 'slice') out.push(n === null ? null : sliceRange(item, n).length);
    axis++;
  }
  if (axis !== shape.length) throw shapeError(context, `cannot index ${formatPythonShape(shape)}`);
  return out;
}
