import { findLayerSpec } from '../layers/index.js';
import { inputBatchShape } from '../layers/input.js';
import { type ModelPlan, type WeightSpec } from '../layers/types.js';
import { UserError } from '../core/user-error.js';
import { type OutputShape, type Shape } from '../core/shape.js';
import type { ModelState } from './state.js';
import { isTuple } from '../lang/ast.js';

/** What the session knows about one layer once shapes are inferred. */
interface LayerAnalysis {
  readonly index: number;
  readonly name: string;
  readonly className: string;
  /** null while the model has no Input (Keras: unbuilt). */
  readonly inputShape: Shape | null;
  readonly outputShape: OutputShape | null;
  readonly weights: readonly WeightSpec[];
  readonly params: number;
  readonly trainable: boolean;
  readonly flops: number;
}

export interface ModelAnalysis {
  readonly built: boolean;
  readonly layers: readonly LayerAnalysis[];
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
}

/** A shape problem found while inferring the stack, naming the layer (1-based) at fault. */
class ShapeProblem extends UserError {
  constructor(
    readonly layerIndex: number,
    message: string,
    hint?: string,
  ) {
    super(message, hint);
  }
}

function isMulti(shape: OutputShape): shape is readonly Shape[] {
  return shape.length > 0 && Array.isArray(shape[0]);
}

function countWeights(weights: readonly WeightSpec[], trainable: boolean): number {
  return weights
    .filter((w) => w.trainable === trainable)
    .reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * The model's batch input shape: from its Input, or, as Keras 2 code writes it, from the first
 * layer's `input_shape=` (Keras 3 still builds the model from it).
 */
export function modelInputShape(state: ModelState): Shape | null {
  if (state.input) return inputBatchShape(state.input.args);
  const legacy = state.layers[0]?.args['input_shape'];
  if (legacy && isTuple(legacy)) return [null, ...(legacy.items as (number | null)[])];
  return null;
}

/**
 * Infers every layer's shapes and weights from the Input down, exactly as Keras builds a
 * Sequential model. Throws ShapeProblem for the first layer that cannot take its input.
 */
export function analyzeModel(state: ModelState): ModelAnalysis {
  let current: Shape | null = modelInputShape(state);
  const layers: LayerAnalysis[] = [];
  let trainableParams = 0;
  let nonTrainableParams = 0;
  state.layers.forEach((layer, i) => {
    const spec = findLayerSpec(layer.className);
    if (!spec) throw new ShapeProblem(i + 1, `Unknown layer class ${layer.className}.`);
    const where = `Layer ${i + 1} (${layer.name}, ${layer.className})`;
    if (current === null) {
      layers.push({ index: i + 1, name: layer.name, className: layer.className, inputShape: null, outputShape: null, weights: [], params: 0, trainable: layer.args['trainable'] !== false, flops: 0 });
      return;
    }
    let output: OutputShape;
    let weights: readonly WeightSpec[];
    try {
      output = spec.outputShape(current, layer.args);
      weights = spec.weights(current, layer.args);
    } catch (err) {
      if (err instanceof UserError) throw new ShapeProblem(i + 1, `${where}: ${err.message}`, err.hint);
      throw err;
    }
    const trainable = layer.args['trainable'] !== false;
    // A frozen layer's weights all count as non-trainable, as in Keras.
    const effective = trainable ? weights : weights.map((w) => ({ ...w, trainable: false }));
    const t = countWeights(effective, true);
    const nt = countWeights(effective, false);
    trainableParams += t;
    nonTrainableParams += nt;
    const flops = spec.flops ? spec.flops(current, output, layer.args) : 0;
    layers.push({ index: i + 1, name: layer.name, className: layer.className, inputShape: current, outputShape: output, weights: effective, params: t + nt, trainable, flops });
    if (isMulti(output)) {
      if (i < state.layers.length - 1) {
        throw new ShapeProblem(
          i + 1,
          `${where} returns ${output.length} tensors (return_state=True); a Sequential model can only pass one tensor to the next layer.`,
          `Use set ${i + 1} return_state=False, or make it the last layer.`,
        );
      }
      current = null;
    } else {
      current = output;
    }
  });
  return { built: modelInputShape(state) !== null, layers, trainableParams, nonTrainableParams };
}

/** The state as the engine and renderers receive it. */
export function toModelPlan(state: ModelState): ModelPlan {
  return {
    name: state.modelName,
    inputShape: modelInputShape(state),
    inputDtype: typeof state.input?.args['dtype'] === 'string' ? (state.input.args['dtype'] as string) : 'float32',
    layers: state.layers.map((l) => ({ className: l.className, name: l.name, args: l.args })),
  };
}
