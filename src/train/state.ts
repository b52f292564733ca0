/**
 * What a session remembers about training, beside the model: the compile, the seed and its
 * generator, and every epoch of every fit so far (for `history` and `plot`). Kept per
 * ModelSession, as the engine keeps the trained model per ModelSession.
 */
import seedrandom from 'seedrandom';
import type { CompileConfig } from '../core/training.js';
import type { Logs } from '../core/training.js';

export interface EpochRecord {
  /** Session-wide 0-based epoch. */
  readonly epoch: number;
  /** 1-based number of the fit it belongs to. */
  readonly fit: number;
  readonly logs: Logs;
}

export interface TrainState {
  compile: CompileConfig | null;
  seed: number | null;
  /** The seeded generator; its stream continues across builds and fits, so replays match. */
  random: (() => number) | null;
  readonly history: EpochRecord[];
  fits: number;
  /** How the last fit was asked for (`export keras` writes the same fit call), or null. */
  lastFit: LastFit | null;
}

/** The settings of a fit that a Keras script needs to repeat it. */
export interface LastFit {
  readonly batchSize: number;
  readonly shuffle: boolean;
  /** Used when the data had no validation split of its own. */
  readonly validationSplit: number | null;
  readonly classWeight: Readonly<Record<number, number>> | null;
  readonly patience: number | null;
}

const states = new WeakMap<object, TrainState>();

/** The training state of the context's model session (created empty on first use). */
export function trainStateOf(ctx: { readonly session: object }): TrainState {
  let state = states.get(ctx.session);
  if (!state) states.set(ctx.session, (state = { compile: null, seed: null, random: null, history: [], fits: 0, lastFit: null }));
  return state;
}

/** `seed N`: a fresh generator seeded with N. */
export function setSeed(state: TrainState, seed: number): void {
  state.seed = seed;
  state.random = seedrandom.alea(`klayers:${seed}`);
}
