/** Every Keras class the engine builds, by class name. */
import type { LayerBuilder } from './common.js';
import { CONV_BUILDERS } from './conv.js';
import { CORE_BUILDERS } from './core.js';
import { POOLING_BUILDERS } from './pooling.js';
import { RECURRENT_BUILDERS } from './recurrent.js';
import { LAMBDA_BUILDERS } from './lambda.js';

export const LAYER_BUILDERS: Readonly<Record<string, LayerBuilder>> = {
  ...CORE_BUILDERS,
  ...CONV_BUILDERS,
  ...POOLING_BUILDERS,
  ...RECURRENT_BUILDERS,
  ...LAMBDA_BUILDERS,
};
