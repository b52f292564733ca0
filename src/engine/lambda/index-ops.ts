import * as tf from '../backend/tf.js';
import type { IndexItem } from '../../lambda/ast.js';
import { expandIndex, indexOutputShape, resolveIndex, sliceRange } from '../../lambda/shape-index.js';

/** `t[items]` with numpy meaning: slices per axis, then one reshape drops integer axes and adds None axes. */
export function evaluateIndex(t: tf.Tensor, items: readonly IndexItem[], context: string): tf.Tensor {
  const shape = t.shape;
  let result = t;
  let axis = 0;
  for (const item of expandIndex(items, shape.length, context)) {
    if (item.kind === 'newaxis' || item.kind === 'ellipsis') continue;
    const n = shape[axis]!; // expandIndex gives one consuming item per axis
    if (item.kind === 'at') {
      result = sliceAxis(result, axis, resolveIndex(item.index, n, axis, context), 1);
    } else {
      const range = sliceRange(item, n);
      if (range.step === 1) {
        if (range.length !== n) result = sliceAxis(result, axis, range.start, range.length);
      } else {
        const positions = Array.from({ length: range.length }, (_, i) => range.start + i * range.step);
        result = tf.gather(result, tf.tensor1d(positions, 'int32'), axis);
      }
    }
    axis++;
  }
  const outShape = indexOutputShape(items, shape, context) as number[];
  return tf.reshape(result, outShape);
}

function sliceAxis(t: tf.Tensor, axis: number, start: number, length: number): tf.Tensor {
  const begin = t.shape.map((_, i) => (i === axis ? start : 0));
  const size = t.shape.map((d, i) => (i === axis ? length : d));
  return tf.slice(t, begin, size);
}
