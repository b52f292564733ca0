/** Lambda, through the Lambda layer written in src/engine/lambda-layer.ts (safe expressions). */
import type { LayerBuilder } from './common.js';
import { refuseBaseArgs } from './common.js';
import { EngineUnsupported } from '../errors.js';

const lambda: LayerBuilder = {
  refuse: (layer) => [
    ...refuseBaseArgs(layer),
    new EngineUnsupported(`Lambda '${layer.name}': the tfjs Lambda layer is not available yet.`),
  ],
  build: (layer) => {
    throw new EngineUnsupported(`Lambda '${layer.name}': the tfjs Lambda layer is not available yet.`);
  },
};

export const LAMBDA_BUILDERS: Record<string, LayerBuilder> = { Lambda: lambda };
