/**
 * ModelPlan -> tfjs model with Keras semantics: layer names exactly as planned, Keras defaults and
 * arguments mapped (see tfjs-layers/), unsupported arguments refused before anything is created.
 *
 * The model is built with tfjs's functional API rather than `tf.sequential` because Keras lets the
 * last layer of a Sequential model return several tensors (`LSTM(return_state=True)`), which
 * `tf.sequential` rejects. `model.layers[0]` is the input layer; the rest follow the plan.
 */
import * as tf from '../backend/tf.js';
import type { ModelPlan, PlannedLayer } from '../../layers/types.js';
import type { Shape } from '../../core/shape.js';
import { attachActivityRegularizer } from '../keras/activity.js';
import { bool, call, dims } from '../keras/args.js';
import { ensureBackend } from '../backend/backend.js';
import { EngineUnsupported } from '../keras/unsupported.js';
import { toRegularizer } from '../keras/regularizers.js';
import { withoutOrthogonalWarning } from '../backend/quiet.js';
import { checkSupported } from './support.js';
import { LAYER_BUILDERS } from '../layers/index.js';
import { applyMaskRule } from '../keras/masks.js';
import { withoutInputGradient } from '../layers/first-layer.js';
import { forgetOutputMask, trackOutputMask } from '../keras/output-mask.js';
import { maskRuleOf, outputHasMask } from '../../model/masks.js';
import { findLayerSpec } from '../../layers/index.js';

/** A built model: tfjs's LayersModel (predict, fit, getLayer(name), countParams, dispose). */
export type BuiltModel = tf.LayersModel;

/** Build `plan` on the chosen backend; throws EngineUnsupported naming the first problem. */
export async function buildModel(plan: ModelPlan): Promise<BuiltModel> {
  await ensureBackend(); // keeps the CLI's choice; 'auto' if none was made
  const problems = checkSupported(plan);
  if (problems.length > 0) throw problems[0];
  const batchShape = plan.inputShape ?? legacyInputShape(plan);
  if (!batchShape) {
    throw new EngineUnsupported(
      `Model '${plan.name}' has no input shape yet, so its weights cannot be created.`,
      'Start it with keras.Input(shape=(...)).',
    );
  }
  return withoutOrthogonalWarning(() => inTensorScope(() => buildLayers(plan, batchShape)));
}

/**
 * Run `fn` in a tfjs scope so temporary tensors it leaves behind are freed; weight variables
 * survive (scopes never free variables). tfjs's LSTM forget-bias initializer leaks four tensors
 * per build without this. `tf.tidy` is not used because it walks the returned model.
 */
function inTensorScope<T>(fn: () => T): T {
  const engine = tf.engine();
  engine.startScope();
  try {
    return fn();
  } finally {
    engine.endScope();
  }
}

/** Keras 2 style `Dense(32, input_shape=(784,))` on the first layer, if the plan has no Input. */
function legacyInputShape(plan: ModelPlan): Shape | null {
  const first = plan.layers.find((l) => l.className !== 'InputLayer');
  const shape = first ? dims(first.args, 'input_shape') : null;
  return shape ? [null, ...shape] : null;
}

function buildLayers(plan: ModelPlan, batchShape: Shape): BuiltModel {
  const inputEntry = plan.layers.find((l) => l.className === 'InputLayer');
  const input = tf.input({
    batchShape: [...batchShape],
    dtype: plan.inputDtype as 'float32',
    name: inputEntry?.name ?? 'input_layer',
  });
  const applied: tf.layers.Layer[] = [];
  let x: tf.SymbolicTensor | tf.SymbolicTensor[] = input;
  try {
    for (const layer of plan.layers) {
      if (layer.className === 'InputLayer') continue;
      const current = x as tf.SymbolicTensor; // checkSupported allows several outputs only at the end
      const tfLayer = createLayer(layer, current.shape, applied.length === 0);
      x = applyLayer(layer, tfLayer, current);
      applied.push(tfLayer);
    }
    const model = tf.model({ inputs: input, outputs: x, name: plan.name });
    const last = applied[applied.length - 1];
    if (last && outputCarriesMask(plan)) trackOutputMask(model, last);
    return model;
  } catch (error) {
    for (const layer of applied) layer.dispose();
    throw error;
  }
}

function createLayer(layer: PlannedLayer, inputShape: Shape, first: boolean): tf.layers.Layer {
  const built = LAYER_BUILDERS[layer.className]!.build(layer, inputShape); // checkSupported refused unknown classes
  const tfLayer = first ? withoutInputGradient(built, layer.className) : built;
  tfLayer.trainable = bool(layer.args, 'trainable', true);
  const activity = toRegularizer(call(layer.args, 'activity_regularizer'));
  if (activity) attachActivityRegularizer(tfLayer, activity);
  applyMaskRule(tfLayer, findLayerSpec(layer.className)?.masking ?? 'drop', layer.args);
  return tfLayer;
}

function applyLayer(layer: PlannedLayer, tfLayer: tf.layers.Layer, x: tf.SymbolicTensor) {
  try {
    return tfLayer.apply(x) as tf.SymbolicTensor | tf.SymbolicTensor[];
  } catch (error) {
    if (error instanceof EngineUnsupported) throw error;
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EngineUnsupported(`${layer.className} '${layer.name}': tfjs could not build it: ${why}`);
  }
}

/** Whether Keras's output of the plan carries a mask, which Keras then applies to the loss. */
function outputCarriesMask(plan: ModelPlan): boolean {
  let masked = false;
  for (const layer of plan.layers) {
    if (layer.className !== 'InputLayer') masked = outputHasMask(maskRuleOf(layer.className), layer.args, masked);
  }
  return masked;
}

/** Free every weight of `model` (and its optimizer's slots); the model is unusable afterwards. */
export function disposeModel(model: BuiltModel): void {
  const optimizer = (model as { optimizer?: tf.Optimizer }).optimizer;
  forgetOutputMask(model);
  model.dispose();
  optimizer?.dispose();
}
