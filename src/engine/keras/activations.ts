/**
 * Keras 3 activation names -> tfjs activation identifiers. Where tfjs computes the same function
 * its built-in is used; where it lacks one or computes it differently (tfjs `hardSigmoid` is
 * 0.2x+0.5, Keras 3's is relu6(x+3)/6), a Keras-exact activation is registered under a
 * `klayers_` class name. Names that cannot be honoured raise EngineUnsupported, never a substitute.
 */
import * as tf from '@tensorflow/tfjs';
import { EngineUnsupported } from './unsupported.js';

type Fn = (x: tf.Tensor) => tf.Tensor;

/** tfjs built-ins that compute exactly what Keras computes (gelu: both use the exact erf form). */
const SAME_IN_TFJS: Record<string, string> = {
  linear: 'linear', relu: 'relu', relu6: 'relu6', sigmoid: 'sigmoid', tanh: 'tanh',
  softmax: 'softmax', softplus: 'softplus', softsign: 'softsign', elu: 'elu', selu: 'selu',
  gelu: 'gelu', mish: 'mish', silu: 'swish', swish: 'swish', log_softmax: 'logSoftmax',
};

const hardSigmoid: Fn = (x) => tf.div(tf.relu6(tf.add(x, 3)), 6);

/** Keras 3 formulas (keras/src/ops/nn.py) for what tfjs lacks or computes differently. */
const KERAS_FORMULAS: Record<string, Fn> = {
  hard_sigmoid: hardSigmoid,
  hard_silu: (x) => tf.mul(x, hardSigmoid(x)),
  hard_swish: (x) => tf.mul(x, hardSigmoid(x)),
  leaky_relu: (x) => tf.leakyRelu(x, 0.2),
  exponential: (x) => tf.exp(x),
  celu: (x) => tf.add(tf.relu(x), tf.minimum(0, tf.sub(tf.exp(tf.minimum(x, 0)), 1))),
  hard_tanh: (x) => tf.clipByValue(x, -1, 1),
  log_sigmoid: (x) => tf.logSigmoid(x),
  tanh_shrink: (x) => tf.sub(x, tf.tanh(x)),
  hard_shrink: (x) => tf.where(tf.greater(tf.abs(x), 0.5), x, tf.zerosLike(x)),
  soft_shrink: (x) =>
    tf.where(tf.greater(x, 0.5), tf.sub(x, 0.5), tf.where(tf.less(x, -0.5), tf.add(x, 0.5), tf.zerosLike(x))),
  squareplus: (x) => tf.div(tf.add(x, tf.sqrt(tf.add(tf.square(x), 4))), 2),
  sparse_plus: (x) =>
    tf.where(tf.lessEqual(x, -1), tf.zerosLike(x), tf.where(tf.greaterEqual(x, 1), x, tf.div(tf.square(tf.add(x, 1)), 4))),
  sparse_sigmoid: (x) => tf.clipByValue(tf.div(tf.add(x, 1), 2), 0, 1),
};

/** Why the remaining Keras activations are refused. */
const REFUSED: Record<string, string> = {
  glu: "it halves the last axis, which klayers' shape inference does not model",
  sparsemax: 'tfjs has no differentiable sort to build it from',
  threshold: "it needs 'threshold' and 'default_value' arguments, so it cannot be named by a string",
};

const PREFIX = 'klayers_';

/** Register the Keras-exact activations with tfjs's serialization map (once per process). */
function registerKerasActivations(): void {
  for (const [name, fn] of Object.entries(KERAS_FORMULAS)) {
    const activation = class extends tf.serialization.Serializable {
      static className = PREFIX + name;
      apply(x: tf.Tensor): tf.Tensor {
        return tf.tidy(() => fn(x));
      }
      getConfig(): tf.serialization.ConfigDict {
        return {};
      }
    };
    tf.serialization.registerClass(activation);
  }
}
registerKerasActivations();

/** Every Keras activation name the engine can build. */
export const SUPPORTED_ACTIVATIONS: readonly string[] = [...Object.keys(SAME_IN_TFJS), ...Object.keys(KERAS_FORMULAS)];

/**
 * The tfjs `activation` identifier for a Keras activation name (`'relu'`, `'hard_sigmoid'`).
 * `where` names the layer and argument for the error message.
 */
export function toActivation(name: string, where: string): string {
  const builtin = SAME_IN_TFJS[name];
  if (builtin) return builtin;
  if (name in KERAS_FORMULAS) return PREFIX + name;
  const why = REFUSED[name] ?? 'it is not a Keras 3 activation klayers knows';
  throw new EngineUnsupported(`${where}='${name}' is not supported by the tfjs engine: ${why}.`, `Supported: ${SUPPORTED_ACTIVATIONS.join(', ')}.`);
}

/** The Keras formula as a plain function (for custom layers and tests). */
export function activationFunction(name: string): Fn {
  const id = toActivation(name, 'activation');
  const cls = tf.serialization.SerializationMap.getMap().classNameMap[id];
  const instance = new (cls![0] as unknown as new () => { apply: Fn })();
  return (x) => instance.apply(x);
}
