import { UserError } from '../core/user-error.js';
import type { Dataset } from '../data/encode/dataset.js';
import { formatLoaded, formatSplits, formatTask } from '../render/data/choices.js';
import { headTable } from '../render/data/head.js';
import { schemaTable } from '../render/data/schema.js';
import type { Loaded } from '../data/load.js';
import { modelDataMismatch } from './load.js';
import { type CommandContext, defineCommand } from './types.js';
import { freeArg, wordArg } from './options.js';
import { formatValue } from '../lang/format-value.js';

/** The loaded data, or the error every data command gives without it. */
export function requireLoaded(ctx: CommandContext): Loaded {
  const loaded = ctx.session.data;
  if (!loaded) throw new UserError('No data loaded yet.', 'Load some: load PATH.csv target=COLUMN, or load builtin:iris.');
  return loaded;
}

const shape = (size: number, dims: readonly number[]) => `(${[size, ...dims].join(', ')})`;

/** `x: train (120, 4), validation (30, 4) · y: (120, 3), (30, 3)`. */
function shapesLine(d: Dataset): string {
  const splits = [['train', d.train], ['validation', d.validation], ['test', d.test]] as const;
  const xs = splits.map(([name, s]) => `${name} ${shape(s.size, d.featureShape)}`).join(', ');
  const ys = splits.map(([name, s]) => `${name} ${shape(s.size, d.targetShape)}`).join(', ');
  return `Arrays: x ${xs}; y ${ys}.`;
}

export const data = defineCommand({
  name: 'data',
  group: 'Data',
  summary: 'Show the loaded data: schema, class balance, splits; data head N shows rows raw and encoded.',
  options: { forms: [{ positional: [] }, { positional: [wordArg(['head']), freeArg('N', true)] }] },
  examples: ['data', 'data head 5'],
  run(ctx, { args }) {
    const d = requireLoaded(ctx).dataset;
    if (args.length === 0) {
      return [schemaTable(d, { title: [formatLoaded(d)], notes: [formatTask(d), formatSplits(d), shapesLine(d)] }), ...modelDataMismatch(ctx, d)];
    }
    const [sub, n = 5] = args;
    const isHead = typeof sub === 'object' && sub !== null && 'kind' in sub && sub.kind === 'ident' && sub.name === 'head';
    if (!isHead || args.length > 2) throw new UserError(`data takes 'head' or nothing.`, `Usage: ${this.usage}`);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new UserError(`Expected a row count >= 1 for data head. Received: ${formatValue(n)}`);
    return [headTable(d, n)];
  },
});
