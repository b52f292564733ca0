import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { formatSplits } from '../render/data/choices.js';
import { streamOptions } from '../data/encode/build-streamed.js';
import { reencode, type LoadRequest } from '../data/load.js';
import { bool, fraction, int } from '../data/load-options.js';
import { requireLoaded } from './data.js';
import { defineCommand } from './types.js';
import { flag, simple, value } from './options.js';

export const split = defineCommand({
  name: 'split',
  group: 'Data',
  summary: 'Divide the loaded rows into training, validation and test sets (seeded, stratified for classes).',
  options: simple([], [
    value('validation', '0.2', 'The fraction of rows held out for validation.'),
    value('test', '0.1', 'The fraction of rows held out for evaluate.'),
    value('seed', '42', 'The seed of the split.'),
    flag('stratify', 'Keep the class proportions in every split.'),
  ]),
  examples: ['split', 'split validation=0.2 test=0.1 seed=42 stratify=True', 'split validation=0.1'],
  async run(ctx, { args, kwargs }) {
    const loaded = requireLoaded(ctx);
    if (args.length > 0) throw new UserError('split takes only key=value settings.', `Usage: ${this.usage}`);
    if (Object.keys(kwargs).length === 0) return [message(formatSplits(loaded.dataset))];
    const k = kwargs;
    const request: LoadRequest = {
      ...loaded.request,
      ...(k['validation'] !== undefined ? { validation: fraction(k['validation'], 'validation') } : {}),
      ...(k['test'] !== undefined ? { test: fraction(k['test'], 'test') } : {}),
      ...(k['seed'] !== undefined ? { seed: int(k['seed'], 'seed', 0) } : {}),
      ...(k['stratify'] !== undefined ? { stratify: bool(k['stratify'], 'stratify') } : {}),
    };
    // Encoders are fitted again on the new training split (from the rows in memory, or a pass over a streamed file).
    const resplit = await reencode(loaded, request, streamOptions(ctx));
    ctx.session.setData(resplit);
    return [message(formatSplits(resplit.dataset))];
  },
});
