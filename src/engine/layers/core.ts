/** Dense, Activation, Dropout, Flatten, Reshape, Permute, Masking. */
import * as tf from '../backend/tf.js';
import type { PlannedLayer } from '../../layers/types.js';
import type { Shape } from '../../core/shape.js';
import { dims, num, optionalNum } from '../keras/args.js';
import { unsupportedArg } from '../keras/unsupported.js';
import { activationStep, useDenseOp } from './dense-op.js';
import { dropping, reshaping, setDirect } from './direct.js';
import { activationOf, dataFormat, refuseBaseArgs, refuseObjects, refuseUnless, weightConfig, type LayerBuilder } from './common.js';

const dense: LayerBuilder = {
  refuse: (layer) => [
    ...refuseBaseArgs(layer),
    ...refuseObjects(layer, ['kernel', 'bias']),
    ...refuseUnless(layer, 'lora_rank', ['None'], 'tfjs has no LoRA kernels', 'Remove lora_rank='),
    ...refuseUnless(layer, 'quantization_config', ['None'], 'tfjs has no quantized Dense', 'Remove quantization_config='),
  ],
  build: (layer) => {
    const activation = activationOf(layer);
    return useDenseOp(tf.layers.dense({ name: layer.name, units: num(layer.args, 'units', 1), activation, ...weightConfig(layer) }), activation);
  },
};

const activation: LayerBuilder = {
  refuse: (layer) => [...refuseBaseArgs(layer), ...refuseObjects(layer, [])],
  build: (layer) => {
    const name = activationOf(layer);
    const built = tf.layers.activation({ name: layer.name, activation: name });
    const step = activationStep(name);
    if (step) setDirect(built, step);
    return built;
  },
};

/**
 * No seed is passed: with a fixed seed tfjs reuses one mask on every call, while Keras draws a new
 * mask each step. Reproducible runs come from seeding Math.random, which tfjs's unseeded masks use.
 */
const dropout: LayerBuilder = {
  refuse: (layer) => refuseBaseArgs(layer),
  build: (layer) => {
    const noiseShape = dims(layer.args, 'noise_shape');
    const built = tf.layers.dropout({
      name: layer.name,
      rate: num(layer.args, 'rate', 0),
      ...(noiseShape ? { noiseShape: noiseShape as number[] } : {}),
    });
    setDirect(built, dropping(built));
    return built;
  },
};

const flatten: LayerBuilder = {
  refuse: (layer) => refuseBaseArgs(layer),
  build: (layer) => {
    const format = dataFormat(layer);
    const built = tf.layers.flatten({ name: layer.name, dataFormat: format });
    // Channels-first data is transposed to channels-last before it is flattened.
    if (format === 'channelsLast') setDirect(built, reshaping((x) => [x.shape[0]!, -1]));
    return built;
  },
};

/** Resolve `-1` from the known input size: tfjs would report the axis as unknown (None). */
function resolvedTarget(layer: PlannedLayer, input: Shape): number[] {
  const target = (dims(layer.args, 'target_shape') ?? []).map((d) => d ?? -1);
  const known = input.slice(1);
  const unknownAt = target.indexOf(-1);
  if (unknownAt < 0 || known.some((d) => d === null)) return target;
  const total = (known as number[]).reduce((a, b) => a * b, 1);
  const rest = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  if (rest === 0 || total % rest !== 0) return target;
  return target.map((d) => (d === -1 ? total / rest : d));
}

const reshape: LayerBuilder = {
  refuse: (layer) => refuseBaseArgs(layer),
  build: (layer, input) => {
    const target = resolvedTarget(layer, input);
    const built = tf.layers.reshape({ name: layer.name, targetShape: target });
    setDirect(built, reshaping((x) => [x.shape[0]!, ...target]));
    return built;
  },
};

const permute: LayerBuilder = {
  refuse: (layer) => refuseBaseArgs(layer),
  build: (layer) => tf.layers.permute({ name: layer.name, dims: (dims(layer.args, 'dims') ?? []) as number[] }),
};

const masking: LayerBuilder = {
  refuse: (layer) => {
    const value = optionalNum(layer.args, 'mask_value');
    const bad = layer.args.mask_value !== undefined && value === null;
    return [
      ...refuseBaseArgs(layer),
      ...(bad ? [unsupportedArg(layer.name, 'Masking', 'mask_value', String(layer.args.mask_value), 'tfjs masks by a number only')] : []),
    ];
  },
  build: (layer) => tf.layers.masking({ name: layer.name, maskValue: num(layer.args, 'mask_value', 0) }),
};

export const CORE_BUILDERS: Record<string, LayerBuilder> = {
  Dense: dense,
  Activation: activation,
  Dropout: dropout,
  Flatten: flatten,
  Reshape: reshape,
  Permute: permute,
  Masking: masking,
};
