import { commandPath } from '../session-file/base-dir.js';
import type { Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { message, type Block } from '../render/blocks.js';
import { sessionMetadata } from '../export/model-metadata.js';
import { engineStep } from '../train/engine-call.js';
import type { CommandContext } from './types.js';
import { asWord } from './words.js';

/** The directory word of `save model DIR` / `load model DIR`. */
export function modelDirArg(v: Value | undefined, command: string): string {
  const dir = asWord(v);
  if (!dir) throw new UserError(`${command} needs a directory.`, `Example: ${command} models/iris`);
  return dir;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * `save model DIR`: the session's model as tfjs Layers files (model.json + weights.bin or
 * weights.1.bin: saves alternate, so the message names neither and a replay prints the same), with the
 * klayers plan inside model.json so `load model DIR` restores the layers exactly. The weights are
 * the trained ones when the session has trained this model, else fresh initial weights.
 */
export async function saveModel(ctx: CommandContext, dirWord: Value | undefined): Promise<Block[]> {
  const dir = modelDirArg(dirWord, 'save model');
  const state = ctx.session.model.state;
  if (state.layers.length === 0) throw new UserError('The model has no layers to save.', "Add some first: Dense(16, activation='relu').");
  const train = ctx.session.training;
  const outcome = await engineStep(() =>
    ctx.session.engine.saveModel({ plan: ctx.session.model.plan(), random: train.random, dir: commandPath(ctx, dir), metadata: sessionMetadata(state, train.compile) }),
  );
  const c = outcome.change;
  const weights = !c.rebuilt
    ? train.fits > 0
      ? `trained weights (${plural(train.fits, 'fit')})`
      : 'the built model\'s weights'
    : !c.hadWeights
      ? 'initial weights (not trained yet)'
      : `trained weights; new initial weights for ${c.reset.join(', ')} (changed since the last fit)`;
  return [message(`Saved model '${state.modelName}' to ${dir}/: model.json + weights, ${plural(outcome.params, 'parameter')}, ${weights}.`)];
}
