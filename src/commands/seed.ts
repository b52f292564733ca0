import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { streamOptions } from '../data/encode/build-streamed.js';
import { reencode } from '../data/load.js';
import { int } from '../data/load-options.js';
import { defineCommand } from './types.js';
import { freeArg, simple } from './options.js';

export const seed = defineCommand({
  name: 'seed',
  group: 'Train the model',
  summary: 'Make initial weights, Dropout, shuffling and the data split reproducible (keras.utils.set_random_seed).',
  options: simple([freeArg('N', true)]),
  examples: ['seed 42', 'seed'],
  async run(ctx, { args }) {
    const state = ctx.session.training;
    if (args.length === 0) return [message(state.seed === null ? 'No seed set: weights, Dropout and shuffling differ from run to run. Set one with seed 42.' : `Seed: ${state.seed}.`)];
    if (args.length > 1) throw new UserError(`seed takes one integer. Received ${args.length} values.`, 'Example: seed 42');
    const n = int(args[0]!, 'seed', 0);
    const loaded = ctx.session.data;
    // The new split first: a streamed file is read again, and a failure must leave the seed as it was.
    const resplit = loaded && loaded.request.seed !== n ? await reencode(loaded, { ...loaded.request, seed: n }, streamOptions(ctx)) : null;
    state.setSeed(n);
    const out = [message(`Seed ${n}: initial weights, Dropout masks and shuffling are reproducible from here on (two runs of this session on the same backend give identical histories).`)];
    if (resplit) {
      ctx.session.setData(resplit);
      out.push(message(`The data's split was drawn again with seed=${n}.`));
    }
    return out;
  },
});
