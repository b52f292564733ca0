/**
 * config.json of a `.keras` file → the session's model state and compile. Every layer is
 * resolved through the catalog (so its arguments are validated exactly as a typed call's), and
 * every key Keras wrote must be a catalog argument of that layer or one of the few keys Keras
 * writes that carry no choice at their default. Nothing in the file is executed: a Lambda (a
 * Python function's bytecode) is refused, as are layers outside the catalog and functional models.
 */
import type { Value } from '../lang/ast.js';
import { findLayerSpec, resolveLayerCall } from '../layers/index.js';
import { insertLayer, setInput } from '../model/edits.js';
import { EMPTY_STATE, type ModelState } from '../model/state.js';
import { isModelName } from '../model/naming.js';
import type { CompileConfig } from '../core/training.js';
import { UserError } from '../core/user-error.js';
import { formatPythonString } from '../core/python.js';
import { parseOptimizer } from '../train/optimizer-config.js';
import { parseLoss, parseMetrics } from '../train/compile-config.js';
import { call, isObject, jsonToValue, shownJson } from './json-to-value.js';
import { readCompileExtras } from './compile-in.js';

/** Keys Keras writes that are no catalog argument; accepted when they hold this value. */
const KERAS_ONLY: Readonly<Record<string, unknown>> = { quantization_config: null };

const HINT_EXPORT = 'klayers opens Sequential models whose layers it has (help layers lists them); build the others here, or use export keras to see what klayers writes.';

function layerCall(raw: unknown, index: number): { className: string; name: string; kwargs: Record<string, Value> } {
  if (!isObject(raw) || typeof raw.class_name !== 'string' || !isObject(raw.config)) throw new UserError(`config.json: layer ${index + 1} is not a {class_name, config} object.`, 'The file may be edited by hand; save it again from Keras.');
  const className = raw.class_name;
  const config = raw.config;
  const name = typeof config.name === 'string' ? config.name : `layer ${index + 1}`;
  if (className === 'Lambda') {
    throw new UserError(`Layer '${name}' is a Lambda holding Python bytecode: klayers never runs code from a file.`, 'Rebuild it here with Lambda(\'…\') (klayers\'s expression language), then load weights FILE.weights.h5.');
  }
  const spec = findLayerSpec(className);
  if (!spec || className === 'InputLayer') throw new UserError(`Layer '${name}' is a ${formatPythonString(className)}, which klayers does not have.`, HINT_EXPORT);
  const kwargs: Record<string, Value> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'name') continue;
    if (key in KERAS_ONLY) {
      if (JSON.stringify(value) !== JSON.stringify(KERAS_ONLY[key])) throw new UserError(`Layer '${name}' has ${key}=${shownJson(value)}, which klayers does not support.`, 'Save the model from Keras without it.');
      continue;
    }
    if (!spec.args.some((a) => a.name === key)) throw new UserError(`Layer '${name}' (${className}) has the config key '${key}', which klayers's ${className} does not take.`, HINT_EXPORT);
    kwargs[key] = jsonToValue(value, `layer '${name}' ${key}`);
  }
  return { className, name, kwargs };
}

/** `Input(shape=…)` from an InputLayer config (or a Sequential's build_input_shape). */
function inputKwargs(batchShape: unknown, rest: Record<string, unknown>): Record<string, Value> {
  if (!Array.isArray(batchShape) || batchShape.length === 0) throw new UserError('config.json: the InputLayer has no batch_shape.', 'Save the model again from Keras.');
  const [batch, ...dims] = batchShape;
  const kwargs: Record<string, Value> = { shape: jsonToValue(dims, 'the Input shape') };
  if (batch !== null) kwargs['batch_size'] = jsonToValue(batch, 'the Input batch size');
  for (const [k, v] of Object.entries(rest)) if (k !== 'name' && k !== 'batch_shape') kwargs[k] = jsonToValue(v, `the Input ${k}`);
  return kwargs;
}

export interface LoadedConfig {
  readonly state: ModelState;
  readonly compile: CompileConfig | null;
  /** Why the file's compile was left out (the model loads uncompiled), or null. */
  readonly compileNote: string | null;
}

/** Parses config.json's text (`label` names the file in messages). */
export function readKerasConfig(text: string, label: string): LoadedConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`${label}: config.json is not valid JSON.`, 'Save the model again from Keras.');
  }
  if (!isObject(json) || !isObject(json.config)) throw new UserError(`${label}: config.json has no model config.`, 'Save the model again from Keras.');
  if (json.class_name !== 'Sequential') {
    const what = json.class_name === 'Functional' || json.class_name === 'Model' ? 'a functional model (keras.Model(inputs, outputs))' : `a ${formatPythonString(String(json.class_name))}`;
    throw new UserError(`${label} holds ${what}; klayers holds Sequential models.`, 'Rebuild it as keras.Sequential([...]) in Keras, or layer by layer here.');
  }
  const config = json.config;
  const modelName = typeof config.name === 'string' && isModelName(config.name) ? config.name : 'sequential';
  if (!Array.isArray(config.layers)) throw new UserError(`${label}: config.json has no layer list.`, 'Save the model again from Keras.');
  let state: ModelState = { ...EMPTY_STATE, modelName };
  const layers = [...config.layers];
  const first = layers[0];
  if (isObject(first) && first.class_name === 'InputLayer' && isObject(first.config)) {
    layers.shift();
    const { batch_shape, ...rest } = first.config;
    const resolved = resolveLayerCall(call('Input', inputKwargs(batch_shape, rest)));
    const name = typeof rest.name === 'string' && rest.name !== 'input_layer' ? rest.name : null;
    state = setInput(state, { args: resolved.args, name });
  } else if (Array.isArray(config.build_input_shape)) {
    state = setInput(state, { args: resolveLayerCall(call('Input', inputKwargs(config.build_input_shape, {}))).args, name: null });
  }
  layers.forEach((raw, i) => {
    const l = layerCall(raw, i);
    const resolved = resolveLayerCall(call(l.className, { ...l.kwargs, name: l.name }));
    state = insertLayer(state, state.layers.length, { spec: resolved.spec, args: resolved.args, name: l.name, given: l.kwargs });
  });
  // A compile klayers cannot take (a loss object, weight decay) leaves the model uncompiled, as
  // load_model(compile=False) would: the layers and weights are still worth having.
  try {
    return { state, compile: readCompile(json.compile_config, label), compileNote: null };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return { state, compile: null, compileNote: err.message.replace(`${label}: `, '') };
  }
}

function readCompile(raw: unknown, label: string): CompileConfig | null {
  if (!isObject(raw) || Object.keys(raw).length === 0) return null;
  const o = raw.optimizer;
  let optimizer;
  if (typeof o === 'string') optimizer = parseOptimizer(o);
  else if (isObject(o) && typeof o.class_name === 'string' && isObject(o.config)) optimizer = parseOptimizer(call(o.class_name, readCompileExtras(o.class_name, o.config, label)));
  else throw new UserError(`${label}: the compile config has no optimizer klayers can read.`, 'Load it, then compile here.');
  if (typeof raw.loss !== 'string') throw new UserError(`${label}: the loss is ${shownJson(raw.loss)}; klayers reads a loss given by name, e.g. 'categorical_crossentropy'.`, 'Compile the model in Keras with a loss name.');
  const metrics = raw.metrics ?? [];
  if (!Array.isArray(metrics) || !metrics.every((m) => typeof m === 'string')) throw new UserError(`${label}: the metrics are ${shownJson(metrics)}; klayers reads metrics given by name.`, "Compile with metrics=['accuracy'] or the like.");
  // Keras writes metrics=None for a compile that named none; klayers keeps that (an export writes None again).
  const inferred = raw.metrics === null || raw.metrics === undefined;
  return { optimizer, loss: parseLoss(raw.loss), metrics: parseMetrics(metrics as Value), ...(inferred ? { metricsInferred: true } : {}) };
}
