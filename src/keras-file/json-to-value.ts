/**
 * Keras's serialized config values back into the command language's plain values: lists as
 * tuples, `{"class_name": …, "config": …}` objects as calls (an initializer, regularizer or
 * constraint, as typed), a DTypePolicy as its dtype name. Nothing is evaluated.
 */
import type { Call, Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { DICT } from '../lang/operators.js';

/** A JSON value for a message: at most 60 characters, cut with an ellipsis. */
export function shownJson(j: unknown): string {
  const text = JSON.stringify(j) ?? String(j);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A JSON object (not an array, not null). */
export function isObject(j: unknown): j is Record<string, unknown> {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

/** A call value with keyword arguments only. */
export function call(name: string, kwargs: Record<string, Value>): Call {
  return { kind: 'call', name, args: [], kwargs, column: 0 };
}

/** `where` names the key in messages (`layer 'dense' kernel_initializer`). */
export function jsonToValue(j: unknown, where: string): Value {
  if (j === null || typeof j === 'boolean' || typeof j === 'string') return j;
  if (typeof j === 'number') return j;
  if (Array.isArray(j)) return { kind: 'tuple', items: j.map((x, i) => jsonToValue(x, `${where}[${i}]`)) };
  if (isObject(j) && typeof j.class_name === 'string') {
    if (j.class_name === 'DTypePolicy' && isObject(j.config) && typeof j.config.name === 'string') return j.config.name;
    const config = j.config ?? {};
    if (!isObject(config)) throw new UserError(`${where}: the config of ${j.class_name} is not an object.`);
    const kwargs: Record<string, Value> = {};
    for (const [k, v] of Object.entries(config)) kwargs[k] = jsonToValue(v, `${where}.${k}`);
    return call(j.class_name, kwargs);
  }
  if (isObject(j) && Object.keys(j).every((k) => /^[A-Za-z_]\w*$/.test(k))) {
    // A plain dict (Lambda's `arguments`): the call dict(k=v), as the command language reads `{...}`.
    const kwargs: Record<string, Value> = {};
    for (const [k, v] of Object.entries(j)) Object.defineProperty(kwargs, k, { value: jsonToValue(v, `${where}.${k}`), enumerable: true, writable: true, configurable: true });
    return call(DICT, kwargs);
  }
  throw new UserError(`${where} holds a value klayers cannot read (${shownJson(j)}).`, 'Keras writes numbers, strings, lists and {class_name, config} objects here; the file may be edited by hand.');
}
