import type { Random } from './random.js';

/**
 * The point clouds of TensorFlow Playground's classification data (tensorflow/playground,
 * src/dataset.ts), re-derived from its formulas: the same radius, rings, centres, spiral and
 * padding, with the noise applied the same way. Row `index` of `n` draws one point; classes
 * alternate row by row (1, 0, 1, …) instead of coming in two blocks, so any prefix is balanced.
 */
interface Point2D {
  readonly x: number;
  readonly y: number;
  /** 1 for the playground's positive (blue) class, 0 for its negative (orange) one. */
  readonly label: 0 | 1;
}

export type PointGenerator = (random: Random, index: number, n: number, noise: number) => Point2D;

/** Every playground set lives in a square of this radius. */
const RADIUS = 5;

/**
 * Inner disc (radius < 2.5) against an outer ring (3.5…5). The label comes from the point moved
 * by noise, but the point is stored unmoved, so noise shows as mislabelled points, as in the playground.
 */
export const circlePoint: PointGenerator = (random, index, _n, noise) => {
  const inner = index % 2 === 0;
  const r = inner ? random.uniform(0, RADIUS * 0.5) : random.uniform(RADIUS * 0.7, RADIUS);
  const angle = random.uniform(0, 2 * Math.PI);
  const x = r * Math.sin(angle);
  const y = r * Math.cos(angle);
  const nx = x + random.uniform(-RADIUS, RADIUS) * noise;
  const ny = y + random.uniform(-RADIUS, RADIUS) * noise;
  return { x, y, label: Math.hypot(nx, ny) < RADIUS * 0.5 ? 1 : 0 };
};

/** Uniform in the square, pushed 0.3 away from both axes; label 1 where x·y ≥ 0 (after noise). */
export const xorPoint: PointGenerator = (random, _index, _n, noise) => {
  const pad = (v: number): number => v + (v > 0 ? 0.3 : -0.3);
  const x = pad(random.uniform(-RADIUS, RADIUS));
  const y = pad(random.uniform(-RADIUS, RADIUS));
  const nx = x + random.uniform(-RADIUS, RADIUS) * noise;
  const ny = y + random.uniform(-RADIUS, RADIUS) * noise;
  return { x, y, label: nx * ny >= 0 ? 1 : 0 };
};

/** Variance of each blob: 0.5 without noise, growing linearly to 4 at noise 0.5. */
function gaussVariance(noise: number): number {
  return 0.5 + (noise / 0.5) * 3.5;
}

/** Two round Gaussian blobs: label 1 around (2, 2), label 0 around (−2, −2). */
export const gaussPoint: PointGenerator = (random, index, _n, noise) => {
  const centre = index % 2 === 0 ? 2 : -2;
  const std = Math.sqrt(gaussVariance(noise));
  return { x: random.normal(centre, std), y: random.normal(centre, std), label: index % 2 === 0 ? 1 : 0 };
};

/**
 * Two interleaved arms: the i-th point of an arm of n/2 sits at radius 5·i/(n/2) and angle
 * 1.75 turns · i/(n/2) (the second arm half a turn on), each coordinate jittered by ±noise.
 */
export const spiralPoint: PointGenerator = (random, index, n, noise) => {
  const half = n / 2;
  const i = Math.floor(index / 2);
  const first = index % 2 === 0;
  const r = (i / half) * RADIUS;
  const t = ((1.75 * i) / half) * 2 * Math.PI + (first ? 0 : Math.PI);
  const x = r * Math.sin(t) + random.uniform(-1, 1) * noise;
  const y = r * Math.cos(t) + random.uniform(-1, 1) * noise;
  return { x, y, label: first ? 1 : 0 };
};
