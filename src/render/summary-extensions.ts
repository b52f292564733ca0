import type { OutputShape, Shape } from '../core/shape.js';
import { formatBytes, formatParamCount } from './format-numbers.js';
import { isShapeList } from '../core/shape.js';
import type { SummaryModel, SummaryOptions } from './summary-types.js';

/** klayers assumes float32 activations and weights, as Keras's default dtype policy. */
const BYTES_PER_VALUE = 4;
const DEFAULT_BATCH_SIZE = 32;

/** Values per sample in one output (batch axis dropped), or null if a dimension is unknown. */
function valuesPerSample(shape: OutputShape): number | null {
  const shapes: readonly Shape[] = isShapeList(shape) ? shape : [shape as Shape];
  let total = 0;
  for (const s of shapes) {
    let product = 1;
    for (const d of s.slice(1)) {
      if (d === null) return null;
      product *= d;
    }
    total += product;
  }
  return total;
}

/** Sum of every layer's output values per sample, or null when unbuilt or variable-sized. */
function activationValuesPerSample(model: SummaryModel): number | null {
  if (!model.built) return null;
  let total = 0;
  for (const row of model.rows) {
    const values = row.outputShape === null ? null : valuesPerSample(row.outputShape);
    if (values === null) return null;
    total += values;
  }
  return total;
}

/**
 * Footer lines for the klayers extensions (not in Keras): `flops=True` adds the multiply-adds per
 * sample, `memory=True` estimates activation memory (every layer's output kept, float32) and
 * weight memory. Empty when neither is asked for, so Keras's own text stays untouched.
 * `style` lets the Keras 2 layout keep its own units (`Byte`) and unseparated counts.
 */
export function extensionFooterLines(
  model: SummaryModel,
  options: SummaryOptions,
  indent: string,
  style: { readonly units?: readonly string[]; readonly count?: (n: number) => string } = {},
): string[] {
  const count = style.count ?? formatParamCount;
  const lines: string[] = [];
  const bytes = (n: number): string => formatBytes(n, style.units);
  if (options.flops) {
    const flops = model.rows.reduce((sum, r) => sum + (r.flops ?? 0), 0);
    lines.push(`${indent}Total FLOPs: ${model.built ? `${count(flops)} per sample` : '? (unbuilt)'}`);
  }
  if (options.memory) {
    const batch = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const values = activationValuesPerSample(model);
    const perSample = values === null ? null : values * BYTES_PER_VALUE;
    lines.push(
      perSample === null
        ? `${indent}Activation memory: ? (${model.built ? 'variable dimensions' : 'unbuilt'})`
        : `${indent}Activation memory: ${bytes(perSample)} per sample, ${bytes(perSample * batch)} per batch of ${batch}`,
    );
    const params = model.trainableParams + model.nonTrainableParams;
    lines.push(`${indent}Parameter memory: ${bytes(params * BYTES_PER_VALUE)}`);
  }
  return lines;
}
