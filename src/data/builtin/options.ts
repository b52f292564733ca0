import { UserError } from '../../core/user-error.js';
import { DEFAULT_SEED, type BuiltinSet, type OptionRange, type ResolvedOptions } from './set.js';

/** What a caller may pass to `openBuiltin`; anything left out takes the set's default. */
export interface BuiltinOptions {
  readonly n?: number;
  readonly noise?: number;
  readonly seed?: number;
}

/**
 * Fills in defaults and checks every option against the set's ranges, throwing a UserError that
 * names the value and the valid range ("Received: n=0").
 */
export function resolveOptions(set: BuiltinSet, options: BuiltinOptions): ResolvedOptions {
  return { n: resolveCount(set, options.n), noise: resolveNoise(set, options.noise), seed: resolveSeed(options.seed) };
}

function resolveCount(set: BuiltinSet, n: number | undefined): number {
  if (typeof set.n === 'number') {
    if (n === undefined || n === set.n) return set.n;
    throw new UserError(
      `builtin:${set.name} is a fixed data set of ${set.n} rows and takes no n=. Received: n=${n}`,
      'Leave out n=; use split validation=… test=… to choose how many rows train.',
    );
  }
  if (n === undefined) return set.n.default;
  if (Number.isInteger(n) && n >= set.n.min && n <= set.n.max) return n;
  throw new UserError(
    `Expected n to be an integer from ${set.n.min} to ${set.n.max} for builtin:${set.name}. Received: n=${n}`,
    `n is ${set.n.meaning}; the default is ${set.n.default}.`,
  );
}

function resolveNoise(set: BuiltinSet, noise: number | undefined): number {
  const range: OptionRange | null = set.noise;
  if (range === null) {
    if (noise === undefined) return 0;
    throw new UserError(
      `builtin:${set.name} is fixed data and takes no noise=. Received: noise=${noise}`,
      'Leave out noise=; only generated sets (circle, xor, gauss, spiral, friedman, digits, sine) take it.',
    );
  }
  if (noise === undefined) return range.default;
  if (Number.isFinite(noise) && noise >= range.min && noise <= range.max) return noise;
  throw new UserError(
    `Expected noise to be a number from ${range.min} to ${range.max} for builtin:${set.name}. Received: noise=${noise}`,
    `noise is ${range.meaning}; the default is ${range.default}.`,
  );
}

function resolveSeed(seed: number | undefined): number {
  if (seed === undefined) return DEFAULT_SEED;
  if (Number.isSafeInteger(seed) && seed >= 0) return seed;
  throw new UserError(
    `Expected seed to be a non-negative integer. Received: seed=${seed}`,
    `The same seed gives the same rows; the default is ${DEFAULT_SEED}.`,
  );
}
