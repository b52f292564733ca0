import { isCall, type Call, type Value } from '../lang/ast.js';
import { OBJECT_FAMILIES } from './kinds/index.js';
import { findObjectSpec, type ObjectFamily } from './kinds/keras-objects.js';
import { formatPythonFloat, pyNumber, formatPythonString } from '../core/python.js';
import { formatValue } from '../lang/format-value.js';
import { pyTupleText } from '../core/shape.js';
import { sequenceItems, valueEquals } from './kinds/values.js';
import type { ArgSpec, LayerArgs, LayerSpec } from './types.js';

/**
 * Python repr of a normalized argument, aware of its kind: floats as `0.0`, `1e-05`; shapes as
 * tuples; initializers with their whole config, `GlorotUniform(seed=None, input_axes=None, ...)`.
 */
export function formatArgValue(spec: ArgSpec, v: Value): string {
  return formatArgText(spec, v, false);
}

/**
 * The Keras call a user would type for these args: positional required args first, then only the
 * keywords that differ from Keras's defaults (and, with `given`, that the user gave), then `name=`.
 * Parsing it back gives the same args.
 */
export function formatLayerCall(spec: LayerSpec, args: LayerArgs, name: string | null, given?: ReadonlySet<string>): string {
  const parts: string[] = [];
  const positional = leadingRequired(spec);
  for (const a of positional) parts.push(formatArgText(a, args[a.name] ?? null, true));
  for (const a of spec.args) {
    if (positional.includes(a)) continue;
    const v = a.name in args ? args[a.name]! : a.default;
    // With `given`, arguments Keras derived (pooling strides from pool_size) stay out of sight.
    if (given && !a.required && !given.has(a.name)) continue;
    if (a.required || !valueEquals(v, a.default)) parts.push(`${a.name}=${formatArgText(a, v, true)}`);
  }
  if (name !== null) parts.push(`name=${formatPythonString(name)}`);
  return `${callName(spec)}(${parts.join(', ')})`;
}

/** What a user calls to create the layer: `Input` builds an `InputLayer`. */
export function callName(spec: LayerSpec): string {
  return spec.className === 'InputLayer' ? 'Input' : spec.className;
}

function leadingRequired(spec: LayerSpec): ArgSpec[] {
  const out: ArgSpec[] = [];
  for (const name of spec.positional) {
    const a = spec.args.find((x) => x.name === name);
    if (!a?.required) break;
    out.push(a);
  }
  return out;
}

function formatArgText(spec: ArgSpec, v: Value, compact: boolean): string {
  if (v === null) return 'None';
  if (spec.kind === 'float' && typeof v === 'number') return formatPythonFloat(v);
  if ((spec.kind === 'shape' || spec.kind === 'int_tuple') && sequenceItems(v)) {
    return pyTupleText(sequenceItems(v)!.map(formatValue));
  }
  const family = OBJECT_FAMILIES[spec.kind];
  if (family && isCall(v)) return formatKerasObject(family, v, compact);
  return formatValue(v);
}

/**
 * `HeNormal(seed=None, input_axes=None, output_axes=None)`; compact prints `'he_normal'` when the
 * config is all defaults and only the non-default keys otherwise (`RandomNormal(stddev=0.1)`).
 */
export function formatKerasObject(family: ObjectFamily, call: Call, compact: boolean): string {
  const spec = findObjectSpec(family, call.name);
  if (!spec) return formatValue(call);
  const changed = spec.params.filter((p) => p.name in call.kwargs && !valueEquals(call.kwargs[p.name]!, p.default));
  if (compact && changed.length === 0 && spec.aliases[0]) return formatPythonString(spec.aliases[0]);
  // The full form (inspect) lists the keys as get_config() does; the call form keeps the signature's.
  const order = spec.configOrder ?? spec.params.map((p) => p.name);
  const inConfigOrder = spec.params.filter((p) => p.name in call.kwargs).sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const shown = compact ? changed : inConfigOrder;
  const parts = shown.map((p) => {
    const v = call.kwargs[p.name]!;
    const text = typeof v !== 'number' ? formatValue(v) : p.kind === 'float' ? formatPythonFloat(v) : pyNumber(v);
    return `${p.name}=${text}`;
  });
  return `${spec.className}(${parts.join(', ')})`;
}
