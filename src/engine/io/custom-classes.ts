/**
 * klayers's own tfjs classes, registered for deserialization. A model.json that uses them loads
 * in another tfjs program only after the same registrations (this module, or its equivalent).
 */
import * as tf from '../backend/tf.js';
import { registerLambdaLayer } from '../lambda/layer.js';
import { registerWrappedLayer } from '../keras/wrapped-layer.js';
import '../keras/activations.js'; // registers the Keras-exact `klayers_*` activations on import

/** Registers every klayers class with tfjs's serialization map; safe to call again. */
export function registerKlayersClasses(): void {
  registerLambdaLayer();
  registerWrappedLayer();
  registerActivationAliases();
}

/**
 * tfjs camel-cases every config string on load, so the activation saved as
 * `klayers_hard_sigmoid` is looked up as `klayersHardSigmoid`: register that spelling too.
 */
function registerActivationAliases(): void {
  const map = tf.serialization.SerializationMap.getMap().classNameMap;
  for (const name of Object.keys(map)) {
    if (!name.startsWith('klayers_')) continue;
    const camel = name.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
    map[camel] ??= map[name]!;
  }
}
