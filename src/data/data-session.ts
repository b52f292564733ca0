import type { Loaded } from './load.js';

/**
 * The session's data: the last successful load. Commands replace it only after a load has
 * fully succeeded, so an error always leaves the previous data in place.
 */
export class DataSession {
  loaded: Loaded | null = null;
}

const fallback = new WeakMap<object, DataSession>();

/** The context's data session; a context made by hand without one gets its own on first use. */
export function dataSessionOf(ctx: { readonly data?: DataSession }): DataSession {
  if (ctx.data) return ctx.data;
  let data = fallback.get(ctx);
  if (!data) fallback.set(ctx, (data = new DataSession()));
  return data;
}
