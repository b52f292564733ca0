import { UserError } from '../core/user-error.js';
import { checkColumnName } from '../data/csv/column-plan.js';
import { dataSessionOf } from '../data/data-session.js';
import { columnTable } from '../data/format/column.js';
import { loadData } from '../data/load.js';
import { checkKeywords, columnType, word } from '../data/load-options.js';
import { requireLoaded } from './data.js';
import { describeLoaded, fitModelToData } from './load.js';
import type { CommandDef } from './types.js';

export const column: CommandDef = {
  name: 'column',
  group: 'Data',
  summary: "Show one column of the loaded data, or change its type (re-reads and re-encodes).",
  usage: 'column NAME [type=number|integer-category|category|binary|ignore]',
  examples: ['column species', 'column zip type=category', 'column notes type=ignore'],
  async run(ctx, { args, kwargs }) {
    const loaded = requireLoaded(ctx);
    if (args.length !== 1) throw new UserError('column takes one column name.', `Usage: ${this.usage}`);
    checkKeywords(kwargs, ['type'], 'column');
    const name = word(args[0]!, 'column');
    checkColumnName(name, loaded.dataset.table.columns.map((c) => c.name), 'column');
    if (kwargs['type'] === undefined) return [columnTable(loaded.dataset, name)];
    const type = columnType(word(kwargs['type'], 'type'), name);
    const request = { ...loaded.request, types: { ...loaded.request.types, [name]: type } };
    const reloaded = await loadData(request, ctx.progress, ctx.signal);
    dataSessionOf(ctx).loaded = reloaded;
    return [describeLoaded(reloaded), ...fitModelToData(ctx, reloaded.dataset)];
  },
};
