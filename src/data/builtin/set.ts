/** The options a generator runs with, after defaults are filled in and ranges checked. */
export interface ResolvedOptions {
  readonly n: number;
  readonly noise: number;
  readonly seed: number;
}

/** An allowed numeric range and the value used when the user gives none. */
export interface OptionRange {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** What the number means for this set, shown when a value is out of range. */
  readonly meaning: string;
}

/**
 * The declaration of one builtin data set. Adding a set = one file exporting this + one line in
 * `index.ts`; validation, listing and the RawSource wrapper read only this.
 */
export interface BuiltinSet {
  readonly name: string;
  readonly header: readonly string[];
  readonly defaultTarget: readonly string[];
  readonly suggestedReshape?: readonly number[];
  /** See RawSource.columnTypes. */
  readonly columnTypes?: Readonly<Record<string, 'number'>>;
  /** Row count: a fixed number for shipped data, a range for generators. */
  readonly n: number | OptionRange;
  /** Noise level the generator accepts; null for shipped data. */
  readonly noise: OptionRange | null;
  /** A few words for `help load`: what it is and what it suits. */
  readonly summary: string;
  /** One line: origin and licence; may mention the options it was generated with. */
  describe(options: ResolvedOptions): string;
  /** Every row for these options, as CSV text, in the same order on every call. */
  rows(options: ResolvedOptions): Iterable<readonly string[]>;
}

/** Seed used when the user gives none, so `load builtin:circle` is the same data every time. */
export const DEFAULT_SEED = 42;
/** Largest `n=` any generator accepts; rows are generated lazily, so this bounds time, not memory. */
export const MAX_ROWS = 1_000_000;
