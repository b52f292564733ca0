import { UserError } from '../core/user-error.js';
import { own } from '../core/own.js';
import type { ModelState } from './state.js';

/**
 * Keras names layers `dense`, `dense_1`, `dense_2`, … from a per-prefix counter that only grows,
 * skipping names already used in the model. Returns the name and the updated counters.
 */
export function autoName(state: ModelState, baseName: string): { name: string; counters: Record<string, number> } {
  const taken = new Set(state.layers.map((l) => l.name));
  let count = own(state.nameCounters, baseName) ?? 0;
  let name = count === 0 ? baseName : `${baseName}_${count}`;
  while (taken.has(name)) {
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
