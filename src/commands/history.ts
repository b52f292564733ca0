import { UserError } from '../core/user-error.js';
import { message, text } from '../render/blocks.js';
import { checkKeywords } from '../data/load-options.js';
import { curves } from '../train/fit-report.js';
import { trainStateOf, type TrainState } from '../train/state.js';
import type { CommandContext, CommandDef } from './types.js';

/** Every log name recorded so far, in Keras's order. */
export function recorded(state: TrainState): string[] {
  return [...new Set(state.history.flatMap((e) => Object.keys(e.logs)))].sort();
}

export function chart(ctx: CommandContext, names: readonly string[]) {
  const state = trainStateOf(ctx);
  if (state.history.length === 0) throw new UserError('Nothing trained yet.', 'Train first: fit epochs=20');
  const fits = state.fits === 1 ? '1 fit' : `${state.fits} fits`;
  const epochs = state.history.length === 1 ? '1 epoch' : `${state.history.length} epochs`;
  return [message(`History: ${fits}, ${epochs}.`), text(curves(state.history.map((e) => e.logs), names, ctx.columns))];
}

export const history: CommandDef = {
  name: 'history',
  group: 'Train the model',
  summary: 'Redraw the loss curves of every fit so far (train and validation).',
  usage: 'history',
  examples: ['history'],
  run(ctx, { args, kwargs }) {
    checkKeywords(kwargs, [], 'history');
    if (args.length > 0) throw new UserError('history takes no arguments; plot NAME… chooses the curves.', 'Example: plot loss val_loss accuracy');
    const names = recorded(trainStateOf(ctx)).filter((n) => n === 'loss' || n === 'val_loss');
    return chart(ctx, names);
  },
};
