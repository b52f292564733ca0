/**
 * What a session remembers about training, beside the model: the compile, the seed and its
 * generator, and every epoch of every fit so far (for `history` and `plot`).
 */
import seedrandom from 'seedrandom';
import type { CompileConfig, Logs } from '../core/training.js';

interface EpochRecord {
  /** Session-wide 0-based epoch. */
  readonly epoch: number;
  /** 1-based number of the fit it belongs to. */
  readonly fit: number;
  readonly logs: Logs;
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

type Generator = ReturnType<typeof seedrandom.alea>;

/** A restore point: everything in a TrainState, the generator's position included. */
export interface TrainSnapshot {
  readonly compile: CompileConfig | null;
  readonly seed: number | null;
  readonly randomState: seedrandom.State.Alea | null;
  readonly historyLength: number;
  readonly fits: number;
  readonly lastFit: LastFit | null;
}

export class TrainState {
  compile: CompileConfig | null = null;
  seed: number | null = null;
  /** The seeded generator; its stream continues across builds and fits, so replays match. */
  random: Generator | null = null;
  readonly history: EpochRecord[] = [];
  fits = 0;
  /** How the last fit was asked for (`export keras` writes the same fit call), or null. */
  lastFit: LastFit | null = null;

  /** `seed N`: a fresh generator seeded with N. */
  setSeed(seed: number): void {
    this.seed = seed;
    this.random = seedrandom.alea(`klayers:${seed}`, { state: true });
  }

  snapshot(): TrainSnapshot {
    const randomState = this.random ? this.random.state() : null;
    return { compile: this.compile, seed: this.seed, randomState, historyLength: this.history.length, fits: this.fits, lastFit: this.lastFit };
  }

  /** Back to a snapshot: a refused command leaves no compile behind and has drawn no numbers. */
  restore(snap: TrainSnapshot): void {
    this.compile = snap.compile;
    this.seed = snap.seed;
    this.random = snap.randomState ? seedrandom.alea('', { state: snap.randomState as seedrandom.State.Alea }) : null;
    this.history.length = Math.min(this.history.length, snap.historyLength);
    this.fits = snap.fits;
    this.lastFit = snap.lastFit;
  }
}
