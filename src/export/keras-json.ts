/**
 * The session's model as Keras's JSON config (`model.to_json()`): a Sequential whose layers carry
 * their full get_config() dictionaries, objects serialized as Keras serializes them.
 */
import { findLayerSpec } from '../layers/index.js';
import type { LayerArgs } from '../layers/types.js';
import type { Shape } from '../core/shape.js';
import { parseLambda } from '../lambda/index.js';
import type { ModelAnalysis } from '../model/analyze.js';
import { modelInputShape } from '../model/analyze.js';
import type { ModelState } from '../model/state.js';
import type { CompileConfig } from '../core/training.js';
import { inKerasConfig } from './keras-config-keys.js';
import { dtypePolicy, kerasConfigValue, kerasObject, plain, type JsonValue } from './keras-objects.js';
import { lambdaToKeras } from './lambda-to-keras.js';

/** The JSON config and what Keras could not take from it. */
interface KerasJson {
  readonly json: JsonValue;
  readonly notes: readonly string[];
}

function layerConfig(className: string, name: string, args: LayerArgs): { [key: string]: JsonValue } {
  const spec = findLayerSpec(className)!;
  const config: { [key: string]: JsonValue } = { name, trainable: args['trainable'] !== false, dtype: dtypePolicy(String(args['dtype'] ?? 'float32')) };
  for (const a of spec.args) {
    if (a.name === 'trainable' || a.name === 'dtype' || !(a.name in args) || !inKerasConfig(className, a.name, args[a.name])) continue;
    config[a.name] = kerasConfigValue(a.kind, args[a.name]!);
  }
  return config;
}

function inputLayer(state: ModelState, batchShape: Shape): JsonValue {
  const args = state.input?.args ?? {};
  return {
    module: 'keras.layers',
    class_name: 'InputLayer',
    config: {
      batch_shape: [...batchShape],
      dtype: String(args['dtype'] ?? 'float32'),
      sparse: args['sparse'] === true,
      ragged: args['ragged'] === true,
      name: state.input?.name ?? 'input_layer',
      optional: args['optional'] === true,
    },
    registered_name: null,
  };
}

/** Keras keeps a Python lambda's bytecode here; klayers writes the ops text instead. */
function lambdaFunction(args: LayerArgs, input: Shape | null): JsonValue {
  const expression = String(args['function']);
  let python: string | null = null;
  try {
    python = input ? lambdaToKeras(parseLambda(expression), input) : null;
  } catch {
    python = null;
  }
  return { class_name: '__lambda__', config: { klayers_expression: expression, python } };
}

/** `model.to_json()` for the session's model, plus notes on what Keras cannot rebuild. */
export function kerasModelJson(state: ModelState, analysis: ModelAnalysis, compile: CompileConfig | null): KerasJson {
  const notes: string[] = [];
  const batchShape = modelInputShape(state);
  const layers: JsonValue[] = [];
  if (batchShape) layers.push(inputLayer(state, batchShape));
  state.layers.forEach((l, i) => {
    const config = layerConfig(l.className, l.name, l.args);
    const input = analysis.layers[i]?.inputShape ?? null;
    if (l.className === 'Lambda') {
      config['function'] = lambdaFunction(l.args, input);
      notes.push(`Lambda '${l.name}': Keras stores a Python function's bytecode, so from_json cannot rebuild it; the JSON carries its expression. Use export keras FILE.py for a runnable model.`);
    }
    layers.push({ module: 'keras.layers', class_name: l.className, config, registered_name: null, ...(input ? { build_config: { input_shape: plain(input as never) } } : {}) });
  });
  const json: JsonValue = {
    module: 'keras',
    class_name: 'Sequential',
    config: { name: state.modelName, trainable: true, dtype: dtypePolicy('float32'), layers, ...(batchShape ? { build_input_shape: [...batchShape] } : {}) },
    registered_name: null,
    ...(batchShape ? { build_config: { input_shape: [...batchShape] } } : {}),
    compile_config: compile ? compileConfig(compile) : {},
  };
  return { json, notes };
}

function compileConfig(c: CompileConfig): JsonValue {
  return {
    optimizer: kerasObject('keras.optimizers', c.optimizer.className, { ...c.optimizer.config }),
    loss: c.loss,
    metrics: [...c.metrics],
  };
}
