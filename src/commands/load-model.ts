import { commandPath } from '../session-file/base-dir.js';
import type { Value } from '../lang/ast.js';
import { message, type Block } from '../render/blocks.js';
import { restoreCompile, restoreSessionState } from '../export/model-metadata.js';
import { formatCompile } from '../train/compile-config.js';
import { toModelPlan } from '../model/analyze.js';
import { engineStep } from '../train/engine-call.js';
import { modelDirArg } from './save-model.js';
import type { CommandContext } from './types.js';

/**
 * `load model DIR`: the layers saved in DIR's model.json replace the session's model (one
 * undoable edit) and its weights become the session's trained weights. Every check (files,
 * plan, weight shapes) runs before anything changes.
 */
export async function loadModel(ctx: CommandContext, dirWord: Value | undefined): Promise<Block[]> {
  const dir = modelDirArg(dirWord, 'load model');
  const engine = ctx.session.engine;
  const contents = await engineStep(() => engine.readModelDir(commandPath(ctx, dir)));
  const state = restoreSessionState(contents.metadata);
  const compile = restoreCompile(contents.metadata);
  const plan = toModelPlan(state);
  await engineStep(() => engine.installWeights(plan, contents.weights));
  ctx.session.model.edit(() => state);
  if (compile) ctx.session.training.compile = compile;
  const params = contents.weights.reduce((n, w) => n + w.values.length, 0);
  const count = state.layers.length;
  const compiled = compile ? ` Compiled as saved: ${formatCompile(compile)}.` : '';
  return [message(`Loaded model '${state.modelName}' from ${dir}/: ${count} layer${count === 1 ? '' : 's'}, ${params.toLocaleString('en-US')} parameters with their saved weights (undo brings back the previous model).${compiled}`)];
}
