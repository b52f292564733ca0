/**
 * How much memory a model needs, counted from its plan alone (the same shape inference as the
 * summary), so an oversized model can be refused before the engine allocates anything.
 */
import { findLayerSpec } from '../layers/index.js';
import type { ModelPlan } from '../layers/types.js';
import { isShapeList, type OutputShape, type Shape } from '../core/shape.js';

/** float32 */
const BYTES_PER_VALUE = 4;

interface Footprint {
  /** Every weight of every layer, in bytes. */
  readonly weightBytes: number;
  /** The input and every layer's output for one sample (one batch row), in bytes. */
  readonly activationBytesPerRow: number;
}

/** Values in one sample of `shape` (its batch dimension left out; unknown sizes count as 1). */
function rowValues(shape: OutputShape): number {
  if (isShapeList(shape)) return shape.reduce((n, s) => n + rowValues(s), 0);
  return (shape as Shape).slice(1).reduce<number>((n, d) => n * (d ?? 1), 1);
}

/**
 * The weights and per-row activations of `plan`. Layers after the first shape inference cannot
 * follow (or while the model has no Input) count nothing: the engine refuses those models anyway.
 */
export function planFootprint(plan: ModelPlan): Footprint {
  let current: Shape | null = plan.inputShape;
  let weights = 0;
  let activations = current ? rowValues(current) : 0;
  for (const layer of plan.layers) {
    if (layer.className === 'InputLayer') continue;
    const spec = findLayerSpec(layer.className);
    if (!spec || current === null) break;
    let output: OutputShape;
    try {
      output = spec.outputShape(current, layer.args);
      weights += spec.weights(current, layer.args).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    } catch {
      break;
    }
    activations += rowValues(output);
    current = isShapeList(output) ? null : output;
  }
  return { weightBytes: weights * BYTES_PER_VALUE, activationBytesPerRow: activations * BYTES_PER_VALUE };
}
