import { LAYERS, callName } from '../layers/index.js';
import { byText, completion, matching } from './match.js';
import type { Candidate, Completion } from './types.js';

/** Module paths a Keras user writes before a layer name (as findLayerSpec accepts them). */
const LAYER_MODULES = ['layers', 'keras.layers', 'tf.keras.layers'];

/** Every layer as a call name (`Input`, `Dense`, ...), alphabetical, with its doc's first sentence. */
export function layerCandidates(): Candidate[] {
  return LAYERS.map((s): Candidate => ({ text: callName(s), kind: 'layer', detail: firstSentence(s.doc) }))
    .sort(byText);
}

function firstSentence(doc: string): string {
  const end = doc.search(/[.:](\s|$)/);
  return end < 0 ? doc : doc.slice(0, end + 1);
}

/**
 * Completes a layer name typed at `tokenStart` (`Conv`, `layers.De`, `keras.layers.`): after a
 * layer module only the part after the last dot is replaced. Returns null when the token has a
 * dot but no layer module before it, so the caller can try other completions.
 */
export function completeLayerName(token: string, tokenStart: number, cursor: number): Completion | null {
  const dot = token.lastIndexOf('.');
  if (dot < 0) return completion(tokenStart, cursor, matching(token, layerCandidates()));
  if (!LAYER_MODULES.includes(token.slice(0, dot))) return null;
  return completion(tokenStart + dot + 1, cursor, matching(token.slice(dot + 1), layerCandidates()));
}

/** `layers.` and `keras.layers.`, offered where a line may start with a layer call. */
export function moduleCandidates(): Candidate[] {
  return ['keras.layers.', 'layers.'].map((text): Candidate => ({ text, kind: 'layer', detail: 'Keras layers module' }));
}
