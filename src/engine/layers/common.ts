/**
 * What every layer family shares: the builder shape, the weight-related tfjs config pieces, and
 * the checks for arguments tfjs cannot honour.
 */
import type * as tf from '../backend/tf.js';
import type { PlannedLayer } from '../../layers/types.js';
import type { Shape } from '../../core/shape.js';
import { bool, call, show, str } from '../keras/args.js';
import { toActivation } from '../keras/activations.js';
import { EngineUnsupported, unsupportedArg } from '../keras/unsupported.js';
import { toInitializer } from '../keras/initializers.js';
import { toConstraint, toRegularizer } from '../keras/regularizers.js';

/** How one Keras class becomes a tfjs layer. */
export interface LayerBuilder {
  /** Arguments tfjs cannot honour for this layer, as errors (empty when all is well). */
  refuse(layer: PlannedLayer): EngineUnsupported[];
  /** The tfjs layer; `input` is the batch shape it will receive. */
  build(layer: PlannedLayer, input: Shape): tf.layers.Layer;
}

/** `'channels_first'` -> tfjs `'channelsFirst'`. */
export function dataFormat(layer: PlannedLayer): 'channelsFirst' | 'channelsLast' {
  return str(layer.args, 'data_format', 'channels_last') === 'channels_first' ? 'channelsFirst' : 'channelsLast';
}

/** The activation argument `name` (default 'linear') as a tfjs identifier. */
export function activationOf(layer: PlannedLayer, name = 'activation', fallback = 'linear') {
  const id = toActivation(str(layer.args, name, fallback), `${layer.className} '${layer.name}': ${name}`);
  // tfjs types list only its built-in names; registered Keras activations are valid identifiers too.
  return id as 'linear';
}

const KERAS_DEFAULT_INITIALIZERS: Record<string, string> = {
  kernel: 'GlorotUniform',
  recurrent: 'Orthogonal',
  bias: 'Zeros',
};

/** `kernel_*`, `bias_*` (and `recurrent_*` when asked) initializers, regularizers, constraints. */
export function weightConfig(layer: PlannedLayer, prefixes: readonly string[] = ['kernel', 'bias']) {
  const config: Record<string, unknown> = { useBias: bool(layer.args, 'use_bias', true) };
  for (const prefix of prefixes) {
    // tfjs's own defaults differ (Dense uses glorotNormal), so Keras's are filled in explicitly.
    const init = layer.args[`${prefix}_initializer`] ?? KERAS_DEFAULT_INITIALIZERS[prefix];
    config[`${prefix}Initializer`] = toInitializer(init);
    config[`${prefix}Regularizer`] = toRegularizer(call(layer.args, `${prefix}_regularizer`));
    config[`${prefix}Constraint`] = toConstraint(call(layer.args, `${prefix}_constraint`));
  }
  return config;
}

/** Refuse `arg` when its value is anything but `allowed` (compared by its Python text). */
export function refuseUnless(layer: PlannedLayer, arg: string, allowed: readonly string[], why: string, hint?: string): EngineUnsupported[] {
  const v = layer.args[arg];
  if (v === undefined || allowed.includes(show(v))) return [];
  return [unsupportedArg(layer.name, layer.className, arg, show(v), why, hint)];
}

/** Checks every layer gets: float32 compute dtype only. */
export function refuseBaseArgs(layer: PlannedLayer): EngineUnsupported[] {
  return refuseUnless(layer, 'dtype', ["'float32'", 'None'], 'tfjs layers compute in float32 only', "Remove dtype= (float32 is Keras's default).");
}

/** Test that the initializer/regularizer/constraint/activation arguments all convert. */
export function refuseObjects(layer: PlannedLayer, prefixes: readonly string[], activations: readonly string[] = ['activation']): EngineUnsupported[] {
  const problems: EngineUnsupported[] = [];
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof EngineUnsupported) problems.push(new EngineUnsupported(`${layer.className} '${layer.name}': ${e.message}`, e.hint));
      else throw e;
    }
  };
  for (const p of prefixes) {
    attempt(() => toInitializer(layer.args[`${p}_initializer`]));
    attempt(() => toRegularizer(layer.args[`${p}_regularizer`]));
    attempt(() => toConstraint(layer.args[`${p}_constraint`]));
  }
  attempt(() => toRegularizer(layer.args.activity_regularizer));
  for (const a of activations) {
    if (layer.args[a] !== undefined) {
      try {
        activationOf(layer, a);
      } catch (e) {
        if (e instanceof EngineUnsupported) problems.push(e);
        else throw e;
      }
    }
  }
  return problems;
}
