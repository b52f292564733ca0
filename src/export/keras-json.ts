/**
 * The session's model as Keras's JSON config (`model.to_json()`): a Sequential whose layers carry
 * their full get_config() dictionaries, objects serialized as Keras serializes them.
 */
import { findLayerSpec } from '../layers/index.js';
import type { LayerArgs } from '../layers/types.js';
import type { Shape } from '../core/shape.js';
import { parseLambda } from '../lambda/index.js';
import { lambdaArguments } from '../layers/lambda.js';
import type { ModelAnalysis } from '../model/analyze.js';
import { modelInputShape } from '../model/analyze.js';
import type { ModelState } from '../model/state.js';
import type { CompileConfig } from '../core/training.js';
import { inKerasConfig, inKerasOrder } from './keras-config-keys.js';
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
    config[a.name] = a.noneAsEmptyDict && args[a.name] === null ? {} : kerasConfigValue(a.kind, args[a.name]!);
  }
  return inKerasOrder(className, config);
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
    python = input ? lambdaToKeras(parseLambda(expression, lambdaArguments(args)), input) : null;
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
    // Keras records a build_config only for layers that build on their input shape.
    const builds = input !== null && findLayerSpec(l.className)?.builtAtCreation !== true;
    layers.push({ module: 'keras.layers', class_name: l.className, config, registered_name: null, ...(builds ? { build_config: { input_shape: plain(input as never) } } : {}) });
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

/** Keras's auto-name of each optimizer (its class name in snake case). */
const OPTIMIZER_NAMES: Readonly<Record<string, string>> = { SGD: 'sgd', Adam: 'adam', RMSprop: 'rm_sprop', Adagrad: 'adagrad' };

/** The keys every Keras 3.15 optimizer config has, after name and learning_rate, at their defaults. */
const OPTIMIZER_BASE: { readonly [key: string]: JsonValue } = {
  weight_decay: null,
  clipnorm: null,
  global_clipnorm: null,
  clipvalue: null,
  use_ema: false,
  ema_momentum: 0.99,
  ema_overwrite_frequency: null,
  loss_scale_factor: null,
  gradient_accumulation_steps: null,
};

/** `model.get_compile_config()` as Keras 3.15 writes it on JAX (jit_compile resolved to true). */
function compileConfig(c: CompileConfig): JsonValue {
  const { learning_rate: rate, ...own } = c.optimizer.config;
  const optimizer = {
    name: OPTIMIZER_NAMES[c.optimizer.className] ?? c.optimizer.className.toLowerCase(),
    // Keras holds the learning rate in a float32 variable and writes that value back.
    learning_rate: Math.fround(Number(rate)),
    ...OPTIMIZER_BASE,
    ...own,
  };
  return {
    optimizer: kerasObject('keras.optimizers', c.optimizer.className, optimizer),
    loss: c.loss,
    loss_weights: null,
    metrics: c.metricsInferred === true ? null : [...c.metrics],
    weighted_metrics: null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: true,
  };
}
