/** Lambda, through the safe-expression Lambda layer in src/engine/lambda/layer.ts. */
import { dims, str } from '../keras/args.js';
import { createLambdaLayer } from '../lambda/layer.js';
import { formatLambda, parseLambda } from '../../lambda/index.js';
import { lambdaArguments } from '../../layers/lambda.js';
import { refuseBaseArgs, refuseUnless, type LayerBuilder } from './common.js';

const lambda: LayerBuilder = {
  refuse: (layer) => [
    ...refuseBaseArgs(layer),
    // The catalog refuses these too; kept for plans built another way.
    ...refuseUnless(layer, 'mask', ['None'], 'klayers Lambda layers do not compute masks', 'Remove mask=.'),
  ],
  build: (layer) =>
    createLambdaLayer({
      name: layer.name,
      // `arguments=` values are bound into the expression's canonical text (numbers in place).
      expression: formatLambda(parseLambda(str(layer.args, 'function', 'x'), lambdaArguments(layer.args))),
      outputShape: dims(layer.args, 'output_shape') as number[] | null,
    }),
};

export const LAMBDA_BUILDERS: Record<string, LayerBuilder> = { Lambda: lambda };
