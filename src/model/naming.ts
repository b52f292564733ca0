import { UserError } from '../core/user-error.js';
import { own } from '../core/own.js';
import type { ModelState } from './state.js';

/**
 * The largest per-prefix name counter a session can hold: one auto-named layer each, far beyond
 * any real session, and far below where `count + 1` stops being exact.
 */
export const MAX_NAME_COUNTER = 1_000_000_000;

/** True for a counter a session can hold: a whole number from 0 to MAX_NAME_COUNTER. */
export function isValidNameCounter(count: unknown): count is number {
  return Number.isSafeInteger(count) && (count as number) >= 0 && (count as number) <= MAX_NAME_COUNTER;
}

/**
 * Keras names layers `dense`, `dense_1`, `dense_2`, … from a per-prefix counter that only grows,
 * skipping names already used in the model. Returns the name and the updated counters.
 * At most one candidate per existing layer is taken, so the search ends within layers + 1 tries.
 */
export function autoName(state: ModelState, baseName: string): { name: string; counters: Record<string, number> } {
  const taken = new Set(state.layers.map((l) => l.name));
  const saved = own(state.nameCounters, baseName) ?? 0;
  if (!isValidNameCounter(saved) || saved + taken.size >= MAX_NAME_COUNTER) {
    throw new UserError(
      `The name counter for '${baseName}' is out of range (${String(saved)}); it must be a whole number from 0 to ${MAX_NAME_COUNTER}.`,
      `Give the layer a name= yourself, or start a new model with sequential.`,
    );
  }
  let count = saved;
  let name = count === 0 ? baseName : `${baseName}_${count}`;
  for (let tries = 0; taken.has(name) && tries <= taken.size; tries++) {
    count += 1;
    name = `${baseName}_${count}`;
  }
  return { name, counters: { ...state.nameCounters, [baseName]: count + 1 } };
}

/** What `rename model NAME` and `Sequential(name=...)` accept: a Python identifier. */
export const isModelName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);

/** What a layer name may be (`rename`, `name=`): a letter or `_`, then letters, digits and `_ . - /`. */
export const isLayerName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(name);

/** Keras refuses two layers with one name in a Sequential model; so do we, before anything changes. */
export function assertNameFree(state: ModelState, name: string, exceptIndex = -1): void {
  const clash = state.layers.findIndex((l, i) => l.name === name && i !== exceptIndex);
  if (clash >= 0) {
    throw new UserError(
      `All layers in a Sequential model need unique names; '${name}' is already layer ${clash + 1}.`,
      `Choose another name=, or rename ${clash + 1} first.`,
    );
  }
  if (!isLayerName(name)) {
    throw new UserError(`Invalid layer name: name='${name}'.`, 'Use letters, digits and underscores.');
  }
}
