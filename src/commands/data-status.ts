import type { CommandContext } from './types.js';

/** The loaded data set as the status line shows it (`builtin:iris`, `data/sales.csv`), or null. */
export function dataStatus(ctx: CommandContext): string | null {
  return ctx.session.data?.dataset.name ?? null;
}
