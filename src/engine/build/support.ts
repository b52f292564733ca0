/**
 * What the tfjs engine can build, checked before building so the session can refuse a model with
 * messages that name the layer, the argument and why.
 */
import type { ModelPlan } from '../../layers/types.js';
import { bool } from '../keras/args.js';
import { EngineUnsupported } from '../keras/unsupported.js';
import { LAYER_BUILDERS } from '../layers/index.js';

/** Input dtypes tfjs tensors can carry. */
const INPUT_DTYPES = ['float32', 'int32', 'bool'];

/** Every reason the engine cannot build `plan`; empty when it can. */
/** tfjs-layers' rule for the names its weights get (`dense/kernel`): Keras also allows a leading `_`. */
const TFJS_NAME = /^[A-Za-z0-9][-A-Za-z0-9._/]*$/;

export function checkSupported(plan: ModelPlan): EngineUnsupported[] {
  const problems: EngineUnsupported[] = [];
  if (!INPUT_DTYPES.includes(plan.inputDtype)) {
    problems.push(
      new EngineUnsupported(
        `Input: dtype='${plan.inputDtype}' is not supported: tfjs tensors are float32, int32 or bool.`,
        "Use dtype='float32' (Keras's default) or 'int32'.",
      ),
    );
  }
  const layers = plan.layers.filter((l) => l.className !== 'InputLayer');
  layers.forEach((layer, i) => {
    if (!TFJS_NAME.test(layer.name)) {
      problems.push(
        new EngineUnsupported(
          `${layer.className} '${layer.name}': tfjs names its weights after the layer and needs a name that starts with a letter or digit (Keras would accept this one).`,
          `Give it another name, e.g. name='${layer.name.replace(/^[^A-Za-z0-9]+/, '') || 'layer'}'.`,
        ),
      );
    }
    const builder = LAYER_BUILDERS[layer.className];
    if (!builder) {
      problems.push(new EngineUnsupported(`${layer.className} '${layer.name}': the tfjs engine cannot build this layer type.`));
      return;
    }
    problems.push(...builder.refuse(layer));
    if (bool(layer.args, 'return_state', false) && i < layers.length - 1) {
      problems.push(
        new EngineUnsupported(
          `${layer.className} '${layer.name}': return_state=True gives several outputs, so no layer can follow it in a Sequential model.`,
          'Make it the last layer, or remove return_state=True.',
        ),
      );
    }
  });
  return problems;
}
