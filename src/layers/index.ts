/**
 * The layer catalog: every Keras layer klayers knows, how a call to one is resolved into
 * normalized arguments, and how those arguments are printed back as Keras code.
 */
export { LAYERS, findLayerSpec, shownLayerName, suggestLayerName } from './catalog.js';
export { resolveLayerCall, updateLayerArgs } from './resolve.js';
export { formatLayerCall, formatArgValue, callName } from './format.js';
export { BASE_ARGS } from './base-args.js';
export { normalizeArgValue, ACTIVATIONS, KERAS_DTYPES, OBJECT_FAMILIES } from './kinds/index.js';
export { inputBatchShape } from './input.js';
