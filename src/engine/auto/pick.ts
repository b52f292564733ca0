/**
 * Which backend `auto` trains on, from the steps/s measured on each: pure, so the rule is
 * tested with made-up timings. The fastest wins; a backend earlier in PREFERENCE is kept when it
 * is within NOISE of the fastest, because two backends that close swap places from run to run
 * and a seeded session should not change backend (and so its last digits) on a whim.
 */
import type { BackendName } from '../backend/backend.js';

/** The order `auto` prefers when measurements are too close to tell apart. */
export const PREFERENCE: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

/** Relative margin within which two measurements count as equal. */
export const NOISE = 0.05;

export interface Measured {
  readonly name: BackendName;
  readonly stepsPerSecond: number;
}

/** A backend that was not measured, and why (not installed, cannot train a layer, failed). */
export interface Unmeasured {
  readonly name: BackendName;
  readonly why: string;
}

export interface Pick {
  readonly name: BackendName;
  /** `auto: measured …`, shown by `backend`. */
  readonly reason: string;
}

/** `1,234` at 100 steps/s and more, `35.2` below, `0.41` below 1. */
export function formatStepsPerSecond(rate: number): string {
  if (rate >= 100) return Math.round(rate).toLocaleString('en-US');
  return rate >= 1 ? rate.toFixed(1) : rate.toPrecision(2);
}

/**
 * The backend to train on; null when nothing was measured. `batchSize` only goes into the
 * reason, which lists every backend, fastest first, then those not measured.
 */
export function pickFastest(measured: readonly Measured[], unmeasured: readonly Unmeasured[], batchSize: number): Pick | null {
  if (measured.length === 0) return null;
  const byRate = [...measured].sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  const fastest = byRate[0]!;
  const rank = (n: BackendName) => PREFERENCE.indexOf(n);
  const close = measured.filter((m) => m.stepsPerSecond >= fastest.stepsPerSecond * (1 - NOISE));
  const chosen = close.sort((a, b) => rank(a.name) - rank(b.name))[0]!;
  const rates = byRate.map((m) => `${m.name} ${formatStepsPerSecond(m.stepsPerSecond)} steps/s`).join(', ');
  const missing = unmeasured.map((u) => `; ${u.name}: ${u.why}`).join('');
  const verdict =
    chosen === fastest || byRate.length === 1
      ? `${chosen.name} is the fastest`
      : `${chosen.name} is within ${NOISE * 100}% of ${fastest.name}, so the preferred ${chosen.name} is kept`;
  return { name: chosen.name, reason: `auto: measured on this model at batch ${batchSize}: ${rates}${missing}; ${verdict}` };
}
