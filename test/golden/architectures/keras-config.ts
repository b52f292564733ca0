import { isCall, isTuple, type Value } from '../../../src/lang/ast.js';

/**
 * Converters between Keras's JSON-serialised get_config() (as written by
 * scripts/keras-golden/architectures.py) and klayers' normalized argument Values, for
 * test/golden/architectures.test.ts.
 */

/** A value from a golden file: Python's config after json.dumps (tuples became lists). */
export type KerasJson = null | boolean | number | string | KerasJson[] | { [key: string]: KerasJson };

type KerasDict = { [key: string]: KerasJson };

/** How a Keras list must appear on our side: its key was a tuple, a list, or we cannot tell. */
export type SequenceKind = 'tuple' | 'list' | 'either';

function isDict(v: KerasJson): v is KerasDict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{module, class_name, config, registered_name}`: how Keras serialises initializers & co. */
export function isSerializedObject(v: KerasJson): v is KerasDict & { class_name: string; config: KerasDict } {
  return isDict(v) && typeof v['class_name'] === 'string' && isDict(v['config'] ?? null);
}

/** Keras 3 writes a layer's dtype as a DTypePolicy object; klayers keeps its plain name. */
export function dtypePolicyName(v: KerasJson): KerasJson {
  if (isSerializedObject(v) && v.class_name === 'DTypePolicy') return v.config['name'] ?? null;
  return v;
}

/**
 * Keras stores some floats through float32 (`l1(0.001)` reads back as 0.0010000000474974513,
 * while `l2(0.001)` stays 0.001). Equal as float32 is what the user can observe.
 */
export function sameNumber(ours: number, keras: number): boolean {
  return ours === keras || Math.fround(ours) === Math.fround(keras);
}

/** Our value as text for a mismatch message: tuples as `(a, b)`, calls as `Name(k=v)`. */
export function showOurs(v: Value | undefined): string {
  if (v === undefined) return '<missing>';
  if (isTuple(v)) return `(${v.items.map(showOurs).join(', ')}${v.items.length === 1 ? ',' : ''})`;
  if (isCall(v)) return `${v.name}(${Object.entries(v.kwargs).map(([k, x]) => `${k}=${showOurs(x)}`).join(', ')})`;
  return JSON.stringify(v);
}

/** Keras's value as text, in the same notation (class_name(config...)). */
export function showKeras(v: KerasJson): string {
  if (isSerializedObject(v)) return `${v.class_name}(${Object.entries(v.config).map(([k, x]) => `${k}=${showKeras(x)}`).join(', ')})`;
  return JSON.stringify(v);
}

function sequenceDifference(ours: Value, keras: KerasJson[], kind: SequenceKind): string | null {
  const items = isTuple(ours) ? ours.items : Array.isArray(ours) ? (ours as readonly Value[]) : null;
  if (items === null) return 'expected a sequence';
  if (kind === 'tuple' && !isTuple(ours)) return 'Keras holds a tuple, ours is a list';
  if (kind === 'list' && isTuple(ours)) return 'Keras holds a list, ours is a tuple';
  if (items.length !== keras.length) return `length ${items.length} vs ${keras.length}`;
  for (let i = 0; i < keras.length; i++) {
    const d = configDifference(items[i], keras[i]!, 'either');
    if (d) return `item ${i}: ${d}`;
  }
  return null;
}

function objectDifference(ours: Value, keras: { class_name: string; config: KerasDict }): string | null {
  if (!isCall(ours)) return 'expected a Keras object';
  if (ours.name !== keras.class_name) return `class ${ours.name} vs ${keras.class_name}`;
  if (ours.args.length > 0) return 'positional args left in the normalized call';
  for (const key of new Set([...Object.keys(keras.config), ...Object.keys(ours.kwargs)])) {
    if (!(key in keras.config)) return `extra key ${key} (Keras's config has no such key)`;
    const d = configDifference(ours.kwargs[key], keras.config[key]!, 'either');
    if (d) return `${key}: ${d}`;
  }
  return null;
}

/**
 * Why our normalized value differs from Keras's serialised one, or null when they agree.
 * Keras objects compare with our Calls, lists with Tuples or arrays, numbers as float32.
 */
export function configDifference(ours: Value | undefined, keras: KerasJson, kind: SequenceKind = 'either'): string | null {
  if (ours === undefined) return 'missing on our side';
  keras = dtypePolicyName(keras);
  if (keras === null) return ours === null ? null : 'expected None';
  if (typeof keras === 'number') return typeof ours === 'number' && sameNumber(ours, keras) ? null : 'different number';
  if (typeof keras === 'string' || typeof keras === 'boolean') return ours === keras ? null : 'different value';
  if (Array.isArray(keras)) return sequenceDifference(ours, keras, kind);
  if (isSerializedObject(keras)) return objectDifference(ours, keras);
  return 'unexpected plain dict in the Keras config';
}
