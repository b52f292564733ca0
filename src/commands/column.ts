import { UserError } from '../core/user-error.js';
import { checkColumnName } from '../data/csv/column-plan.js';
import { columnTable } from '../render/data/column.js';
import { loadData } from '../data/load.js';
import { columnType, word } from '../data/load-options.js';
import { requireLoaded } from './data.js';
import { describeLoaded, fitModelToData } from './load.js';
import { defineCommand } from './types.js';
import { choice, freeArg, simple } from './options.js';

export const column = defineCommand({
  name: 'column',
  group: 'Data',
  summary: "Show one column of the loaded data, or change its type (re-reads and re-encodes).",
  options: simple([freeArg('NAME')], [choice('type', ['number', 'integer-category', 'category', 'binary', 'ignore'], 'Read the column as this type and load again.')]),
  examples: ['column species', 'column zip type=category', 'column notes type=ignore'],
  async run(ctx, { args, kwargs }) {
    const loaded = requireLoaded(ctx);
    if (args.length !== 1) throw new UserError('column takes one column name.', `Usage: ${this.usage}`);
    const name = word(args[0]!, 'column');
    checkColumnName(name, loaded.dataset.table.columns.map((c) => c.name), 'column');
    if (kwargs['type'] === undefined) return [columnTable(loaded.dataset, name)];
    const type = columnType(word(kwargs['type'], 'type'), name);
    const request = { ...loaded.request, types: { ...loaded.request.types, [name]: type } };
    const reloaded = await loadData(request, ctx.progress, ctx.signal);
    return ctx.session.oneStep(() => {
      ctx.session.setData(reloaded);
      return [describeLoaded(reloaded), ...fitModelToData(ctx, reloaded.dataset)];
    });
  },
});
