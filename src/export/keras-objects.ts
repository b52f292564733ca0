/**
 * Keras's serialized form of small objects: `{"module": "keras.initializers", "class_name":
 * "GlorotUniform", "config": {...}, "registered_name": null}`, a dtype as a DTypePolicy, tuples
 * as lists, as `model.to_json()` writes them.
 */
import { isCall, isIdent, isTuple, type Value } from '../lang/ast.js';
import type { ArgKind } from '../layers/types.js';
import { DICT } from '../lang/operators.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const MODULES: Partial<Record<ArgKind, string>> = {
  initializer: 'keras.initializers',
  regularizer: 'keras.regularizers',
  constraint: 'keras.constraints',
};

/** `{"module": module, "class_name": name, "config": config, "registered_name": null}`. */
export function kerasObject(module: string, className: string, config: JsonValue): JsonValue {
  return { module, class_name: className, config, registered_name: null };
}

/** Keras 3 serializes a layer's dtype as a DTypePolicy. */
export function dtypePolicy(name: string): JsonValue {
  return kerasObject('keras', 'DTypePolicy', { name });
}

/** A normalized argument as Keras's get_config() value, aware of its kind. */
export function kerasConfigValue(kind: ArgKind, v: Value): JsonValue {
  const module = MODULES[kind];
  if (module && isCall(v)) return kerasObject(module, v.name, plainRecord(v.kwargs));
  if (kind === 'dtype' && typeof v === 'string') return dtypePolicy(v);
  return plain(v);
}

/** Values as JSON: tuples become lists, as Python's json module writes them. */
export function plain(v: Value): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v)) return v.map(plain);
  if (isTuple(v)) return v.items.map(plain);
  if (isIdent(v)) return v.name;
  if (isCall(v) && v.name === DICT && v.args.length === 0) return plainRecord(v.kwargs);
  if (isCall(v)) return { class_name: v.name, config: plainRecord(v.kwargs) };
  return null;
}

function plainRecord(r: Readonly<Record<string, Value>>): { [key: string]: JsonValue } {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]));
}
