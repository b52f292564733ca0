import { isCall, isTuple, type Value } from '../lang/ast.js';
import { BASE_ARGS, OBJECT_FAMILIES, callName, formatArgValue } from '../layers/index.js';
import { formatKerasObject } from '../layers/format.js';
import { formatValue } from '../lang/format-value.js';
import type { ArgSpec, LayerSpec } from '../layers/types.js';

/**
 * A layer's constructor signature as Keras's own `inspect.signature` shows it, built from the
 * catalog declaration: the arguments Keras lists, in its order, with defaults the way its source
 * writes them (`activation=None`, `kernel_initializer='glorot_uniform'`, `strides=1`), then
 * `**kwargs` for the generic Layer arguments. The same order drives argument-name completion.
 */

/** One parameter of a signature: `units`, `activation=None`, or `**kwargs`. */
interface SignatureParam {
  /** The argument name; '**kwargs' for the catch-all. */
  readonly name: string;
  readonly text: string;
}

/** Pooling layers (and keras.Input) list `name=None` in their own signature. */
const NAMED_IN_SIGNATURE = new Set(['MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D', 'InputLayer']);

/** Where Keras's signature says None but the normalized default is what None resolves to. */
const NONE_DEFAULTS: ReadonlySet<string> = new Set(['InputLayer.sparse', 'InputLayer.ragged']);

/** The default as Keras's signature writes it. */
function signatureDefault(spec: LayerSpec, a: ArgSpec): string {
  const v: Value = a.default;
  if (NONE_DEFAULTS.has(`${spec.className}.${a.name}`)) return 'None';
  // Keras writes None and resolves it later: to the linear activation, to the image data format, to floatx.
  if (a.kind === 'activation' && v === 'linear') return 'None';
  if (a.name === 'data_format' || a.kind === 'dtype') return 'None';
  if (a.kind === 'int_tuple' && isTuple(v) && v.items.length === 1) return formatValue(v.items[0]!);
  const family = OBJECT_FAMILIES[a.kind];
  if (family && isCall(v)) return formatKerasObject(family, v, true);
  return formatArgValue(a, v);
}

function paramOf(spec: LayerSpec, a: ArgSpec): SignatureParam {
  return { name: a.name, text: a.required ? a.name : `${a.name}=${signatureDefault(spec, a)}` };
}

/** The parameters Keras's signature lists for this layer, in order. */
export function signatureParams(spec: LayerSpec): SignatureParam[] {
  const byName = (n: string) => spec.args.find((a) => a.name === n);
  const params = spec.positional.flatMap((n) => (byName(n) ? [paramOf(spec, byName(n)!)] : []));
  if (NAMED_IN_SIGNATURE.has(spec.className)) params.push({ name: 'name', text: 'name=None' });
  if (spec.className === 'InputLayer') {
    // keras.Input is a function with no **kwargs: its remaining arguments follow `name`.
    for (const a of spec.args) if (!spec.positional.includes(a.name)) params.push(paramOf(spec, a));
    return params;
  }
  params.push({ name: '**kwargs', text: '**kwargs' });
  return params;
}

/**
 * Every keyword the layer accepts, in the order completion offers them: the signature's own
 * arguments, then what `**kwargs` takes (the generic Layer arguments, `name`).
 */
export function keywordOrder(spec: LayerSpec): string[] {
  const names = signatureParams(spec).map((p) => p.name).filter((n) => n !== '**kwargs');
  for (const a of spec.args) if (!names.includes(a.name)) names.push(a.name);
  for (const b of BASE_ARGS) if (spec.className !== 'InputLayer' && !names.includes(b.name)) names.push(b.name);
  if (!names.includes('name')) names.push('name');
  return names;
}

/** `Dense(units, activation=None, …, **kwargs)`. */
export function signatureText(spec: LayerSpec): string {
  return `${callName(spec)}(${signatureParams(spec).map((p) => p.text).join(', ')})`;
}
