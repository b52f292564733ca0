import { UserError } from '../core/user-error.js';
import { didYouMean } from '../core/suggest.js';
import { chart, recorded } from './history.js';
import { defineCommand } from './types.js';
import { freeArg, simple } from './options.js';
import { asWord } from './words.js';

export const plot = defineCommand({
  name: 'plot',
  group: 'Train the model',
  summary: 'Draw chosen curves of the training history: plot loss val_loss accuracy.',
  options: simple([freeArg('NAME'), freeArg('NAME…', true)]),
  examples: ['plot loss val_loss', 'plot accuracy val_accuracy'],
  run(ctx, { args }) {
    const state = ctx.session.training;
    const known = recorded(state);
    const names = args.length === 0 ? known.filter((n) => n === 'loss' || n === 'val_loss') : args.map((a) => asWord(a) ?? String(a));
    for (const name of names) {
      if (state.history.length > 0 && !known.includes(name)) throw new UserError(`No '${name}' in the history.${didYouMean(name, known)}`, `Recorded: ${known.join(', ')}.`);
    }
    return chart(ctx, names);
  },
});
