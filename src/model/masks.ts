/**
 * Where the mask of a Masking layer reaches, by Keras 3's rule per layer (LayerSpec.masking), and
 * the warning Keras prints when a layer without mask support receives one. Keras prints it when
 * the model is built with the mask, which for a Sequential model with an input shape is the `add`
 * of that layer; klayers shows it on the line that makes the mask reach such a layer.
 */
import { findLayerSpec } from '../layers/index.js';
import type { LayerArgs, MaskRule } from '../layers/types.js';
import { modelInputShape } from './analyze.js';
import type { ModelState } from './state.js';

/** Keras's UserWarning text (keras/src/layers/layer.py), with the layer's name and class. */
export function maskDestroyedWarning(name: string, className: string): string {
  return (
    `Layer '${name}' (of type ${className}) was passed an input with a mask attached to it. ` +
    'However, this layer does not support masking and will therefore destroy the mask information. ' +
    'Downstream layers will not see the mask.'
  );
}

/** Whether a layer of this rule hands a mask to the next layer, given whether it received one. */
export function outputHasMask(rule: MaskRule, args: LayerArgs, received: boolean): boolean {
  switch (rule) {
    case 'make':
      return true;
    case 'pass':
      return received;
    case 'sequences':
      return received && args['return_sequences'] === true;
    case 'drop':
      return false;
  }
}

/** The rule of a catalog class ('drop', Keras's default, for a class without one). */
export function maskRuleOf(className: string): MaskRule {
  return findLayerSpec(className)?.masking ?? 'drop';
}

/**
 * Keras's mask warnings for the model as it stands, in layer order; none while the model has
 * no input shape (Keras builds it, and warns, only once it has one).
 */
export function maskWarnings(state: ModelState): string[] {
  if (modelInputShape(state) === null) return [];
  const warnings: string[] = [];
  let masked = false;
  for (const layer of state.layers) {
    const rule = maskRuleOf(layer.className);
    if (masked && rule === 'drop') warnings.push(maskDestroyedWarning(layer.name, layer.className));
    masked = outputHasMask(rule, layer.args, masked);
  }
  return warnings;
}

/** The warnings `after` has that `before` had not: what the line that made `after` prints. */
export function newMaskWarnings(before: ModelState, after: ModelState): string[] {
  if (before === after) return [];
  const shown = new Set(maskWarnings(before));
  return maskWarnings(after).filter((w) => !shown.has(w));
}
