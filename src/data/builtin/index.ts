import { UserError } from '../../core/user-error.js';
import { didYouMean } from '../../core/suggest.js';
import type { RawSource } from '../table/source.js';
import { DIGITS } from './digits.js';
import { FRIEDMAN } from './friedman.js';
import { IRIS } from './iris.js';
import { resolveOptions, type BuiltinOptions } from './options.js';
import { CIRCLE, GAUSS, SPIRAL, XOR } from './playground.js';
import type { BuiltinSet } from './set.js';
import { SINE } from './sine.js';
import { builtinSource } from './source.js';

export type { BuiltinOptions } from './options.js';

/** Every builtin set, in the order `help` lists them. Adding one = one file + one entry here. */
const SETS: readonly BuiltinSet[] = [IRIS, FRIEDMAN, DIGITS, SINE, CIRCLE, XOR, GAUSS, SPIRAL];

/** Names accepted after `builtin:` (`load builtin:iris`). */
export const BUILTIN_NAMES: readonly string[] = SETS.map((set) => set.name);

/**
 * The builtin set `name` (with or without the `builtin:` prefix) as a RawSource. Options left out
 * take the set's defaults; the default seed is fixed, so the same call always gives the same rows.
 * Throws a UserError for an unknown name (with a did-you-mean) or an option out of range.
 */
export function openBuiltin(name: string, options: BuiltinOptions = {}): RawSource {
  const bare = name.startsWith('builtin:') ? name.slice('builtin:'.length) : name;
  const set = SETS.find((s) => s.name === bare);
  if (!set) {
    throw new UserError(
      `Unknown builtin data set '${bare}'.${didYouMean(bare, BUILTIN_NAMES)}`,
      `Builtin data sets: ${BUILTIN_NAMES.join(', ')}.`,
    );
  }
  return builtinSource(set, resolveOptions(set, options));
}

/** One line per builtin set for `help load` and listings: name, origin, column count, rows. */
export function describeBuiltins(): readonly { name: string; summary: string; description: string; columns: number; rows: string }[] {
  return SETS.map((set) => {
    const defaults = resolveOptions(set, {});
    return {
      name: set.name,
      summary: set.summary,
      description: set.describe(defaults),
      columns: set.header.length,
      rows: typeof set.n === 'number' ? String(set.n) : `${set.n.default.toLocaleString('en-US')} (n=${set.n.min}…${set.n.max.toLocaleString('en-US')})`,
    };
  });
}
