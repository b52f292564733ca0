/**
 * Reproducible training: tfjs's fit shuffle, its unseeded initializers and Dropout's masks all
 * draw from Math.random. While `fn` runs, Math.random is the session's seeded generator, so the
 * same session replayed on the same backend gives bit-identical weights and histories. Dropout
 * keeps drawing a new mask per step (a fixed Dropout seed would freeze it in tfjs).
 */
export async function withRandom<T>(random: (() => number) | null, fn: () => Promise<T>): Promise<T> {
  if (!random) return fn();
  const original = Math.random;
  Math.random = random;
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}
