/** Lambda, through the safe-expression Lambda layer in src/engine/lambda/layer.ts. */
import { dims, str } from '../keras/args.js';
import { createLambdaLayer } from '../lambda/layer.js';
import { refuseBaseArgs, refuseUnless, type LayerBuilder } from './common.js';

const lambda: LayerBuilder = {
  refuse: (layer) => [
    ...refuseBaseArgs(layer),
    // The catalog refuses these too; kept for plans built another way.
    ...refuseUnless(layer, 'mask', ['None'], 'klayers Lambda layers do not compute masks', 'Remove mask=.'),
    ...refuseUnless(layer, 'arguments', ['None'], 'write the values into the expression instead', 'e.g. Lambda("x * 0.5").'),
  ],
  build: (layer) =>
    createLambdaLayer({
      name: layer.name,
      expression: str(layer.args, 'function', 'x'),
      outputShape: dims(layer.args, 'output_shape') as number[] | null,
    }),
};

export const LAMBDA_BUILDERS: Record<string, LayerBuilder> = { Lambda: lambda };
