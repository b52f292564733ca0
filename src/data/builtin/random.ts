import seedrandom from 'seedrandom';

/** The few draws the generators need, all from one seeded stream so a seed fixes every row. */
export interface Random {
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Normal with the given mean and standard deviation. */
  normal(mean: number, std: number): number;
  /** Uniform integer in [low, high], both ends included. */
  integer(low: number, high: number): number;
}

/** A fresh stream for `seed`; calling it twice with the same seed replays the same numbers. */
export function createRandom(seed: number): Random {
  // Alea: a well-tested small generator, several times faster than seedrandom's default ARC4.
  const next = seedrandom.alea(`klayers-builtin-${seed}`);
  const uniform = (low: number, high: number): number => low + (high - low) * next();
  return {
    uniform,
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
    normal(mean, std) {
      // Marsaglia's polar method: exact normals from uniforms, no trig.
      let v1: number;
      let s: number;
      do {
        v1 = uniform(-1, 1);
        const v2 = uniform(-1, 1);
        s = v1 * v1 + v2 * v2;
      } while (s >= 1 || s === 0);
      return mean + std * v1 * Math.sqrt((-2 * Math.log(s)) / s);
    },
  };
}

/** A generated number as CSV text: four decimals, never `-0`, so rows stay short and readable. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  return String(rounded === 0 ? 0 : rounded);
}
