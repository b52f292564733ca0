import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { curves } from '../render/fit-report.js';
import { type CommandContext, defineCommand } from './types.js';
import { simple } from './options.js';
import type { TrainState } from '../session/train-state.js';

/** Every log name recorded so far, in Keras's order. */
export function recorded(state: TrainState): string[] {
  return [...new Set(state.history.flatMap((e) => Object.keys(e.logs)))].sort();
}

export function chart(ctx: CommandContext, names: readonly string[]) {
  const state = ctx.session.training;
  if (state.history.length === 0) throw new UserError('Nothing trained yet.', 'Train first: fit epochs=20');
  const fits = state.fits === 1 ? '1 fit' : `${state.fits} fits`;
  const epochs = state.history.length === 1 ? '1 epoch' : `${state.history.length} epochs`;
  return [message(`History: ${fits}, ${epochs}.`), curves(state.history.map((e) => e.logs), names)];
}

export const history = defineCommand({
  name: 'history',
  group: 'Train the model',
  summary: 'Redraw the loss curves of every fit so far (train and validation).',
  options: simple(),
  examples: ['history'],
  run(ctx, { args }) {
    if (args.length > 0) throw new UserError('history takes no arguments; plot NAME… chooses the curves.', 'Example: plot loss val_loss accuracy');
    const names = recorded(ctx.session.training).filter((n) => n === 'loss' || n === 'val_loss');
    return chart(ctx, names);
  },
});
