/**
 * The model part of an exported Keras script: `keras.Sequential([...])` with every layer as a
 * Keras call (non-default arguments only), Lambda as `layers.Lambda(lambda x: ...)`, and the
 * imports the calls need.
 */
import { isCall } from '../lang/ast.js';
import { findLayerSpec, formatArgValue, formatLayerCall, OBJECT_FAMILIES } from '../layers/index.js';
import { findObjectSpec } from '../layers/kinds/keras-objects.js';
import { valueEquals } from '../layers/kinds/values.js';
import { parseLambda } from '../lambda/index.js';
import { lambdaArguments } from '../layers/lambda.js';
import type { ModelAnalysis } from '../model/analyze.js';
import type { LayerEntry, ModelState } from '../model/state.js';
import { lambdaToKeras } from './lambda-to-keras.js';
import { formatPythonDoubleQuoted } from '../core/python.js';

const MODULE_OF: Record<string, string> = { initializer: 'initializers', regularizer: 'regularizers', constraint: 'constraints' };

/**
 * Names Keras gives in a fresh process (`dense`, `dense_1`, …); a layer whose klayers name
 * differs (renamed, or counters moved on by edits) keeps an explicit `name=`.
 */
function explicitNames(state: ModelState): Set<number> {
  const counters = new Map<string, number>();
  const explicit = new Set<number>();
  state.layers.forEach((l, i) => {
    const base = findLayerSpec(l.className)!.baseName;
    const n = counters.get(base) ?? 0;
    if (l.name === (n === 0 ? base : `${base}_${n}`)) counters.set(base, n + 1);
    else explicit.add(i);
  });
  return explicit;
}

function lambdaCall(l: LayerEntry, analysis: ModelAnalysis, index: number, withName: boolean): string {
  const spec = findLayerSpec('Lambda')!;
  const input = analysis.layers[index]?.inputShape ?? [null];
  const parts = [lambdaToKeras(parseLambda(String(l.args['function']), lambdaArguments(l.args)), input)];
  const shape = spec.args.find((a) => a.name === 'output_shape')!;
  if (l.args['output_shape'] !== null && l.args['output_shape'] !== undefined) parts.push(`output_shape=${formatArgValue(shape, l.args['output_shape'])}`);
  if (withName) parts.push(`name=${formatPythonDoubleQuoted(l.name)}`);
  return `Lambda(${parts.join(', ')})`;
}

/** `from keras.initializers import RandomNormal` lines for the objects the calls spell out. */
function objectImports(state: ModelState): string[] {
  const byModule = new Map<string, Set<string>>();
  for (const l of state.layers) {
    const spec = findLayerSpec(l.className)!;
    for (const a of spec.args) {
      const v = l.args[a.name];
      const family = OBJECT_FAMILIES[a.kind];
      if (!family || v === undefined || !isCall(v) || !(a.name in l.given) || valueEquals(v, a.default)) continue;
      const name = findObjectSpec(family, v.name)?.className ?? v.name;
      const module = MODULE_OF[a.kind]!;
      byModule.set(module, (byModule.get(module) ?? new Set()).add(name));
    }
  }
  return [...byModule].map(([m, names]) => `from keras.${m} import ${[...names].sort().join(', ')}`);
}

/** The import lines and the `model = keras.Sequential([...])` statement. */
export function kerasModelCode(state: ModelState, analysis: ModelAnalysis): { imports: string[]; code: string } {
  const explicit = explicitNames(state);
  const lines: string[] = [];
  if (state.input) {
    const spec = findLayerSpec('InputLayer')!;
    const call = formatLayerCall(spec, state.input.args, state.input.name);
    lines.push(`keras.${call}`);
  }
  state.layers.forEach((l, i) => {
    const withName = explicit.has(i);
    const text = l.className === 'Lambda' ? lambdaCall(l, analysis, i, withName) : formatLayerCall(findLayerSpec(l.className)!, l.args, withName ? l.name : null, new Set(Object.keys(l.given)));
    lines.push(`layers.${text}`);
  });
  const name = state.modelName === 'sequential' ? '' : `, name=${formatPythonDoubleQuoted(state.modelName)}`;
  const code = [`model = keras.Sequential([`, ...lines.map((l) => `    ${l},`), `]${name})`].join('\n');
  return { imports: objectImports(state), code };
}
