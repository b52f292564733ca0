import assert from 'node:assert/strict';
import { isCall, isIdent, isTuple, type Call, type Tuple, type Value } from '../../src/lang/ast.js';
import { parseLine } from '../../src/lang/index.js';
import { UserError } from '../../src/core/user-error.js';

/** A hand-built Call, as the parser would produce for `name(args..., k=v)`. */
export function call(name: string, args: Value[] = [], kwargs: Record<string, Value> = {}): Call {
  return { kind: 'call', name, args, kwargs, column: 0 };
}

export function tup(...items: Value[]): Tuple {
  return { kind: 'tuple', items };
}

/** Parse `Dense(64)` with the real parser (round trips and golden call texts). */
export function parseCall(text: string): Call {
  const r = parseLine(text);
  assert.ok(r.ok, `parse failed for ${text}: ${r.ok ? '' : r.error.message}`);
  assert.equal(r.line.kind, 'expr');
  const v = (r.line as { value: Value }).value;
  assert.ok(isCall(v), `${text} is not a call`);
  return v;
}

/**
 * Our normalized values in the shape Keras's JSON config has: tuples as lists, initializer etc.
 * calls as `{class_name, config}`.
 */
export function plain(v: Value): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (isTuple(v)) return v.items.map(plain);
  if (isCall(v)) return { class_name: v.name, config: Object.fromEntries(Object.entries(v.kwargs).map(([k, x]) => [k, plain(x)])) };
  if (isIdent(v)) return v.name;
  return v;
}

/** Keras's serialized objects without the fields that only locate the class. */
export function plainKeras(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainKeras);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('class_name' in o && 'config' in o) return { class_name: o.class_name, config: plainKeras(o.config) };
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plainKeras(x)]));
  }
  return v;
}

/** Assert `fn` throws a UserError whose message matches every pattern. */
export function throwsUserError(fn: () => unknown, ...patterns: (RegExp | string)[]): UserError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof UserError, `expected UserError, got ${String(e)}`);
    for (const p of patterns) {
      if (typeof p === 'string') assert.ok(e.message.includes(p), `message ${JSON.stringify(e.message)} lacks ${JSON.stringify(p)}`);
      else assert.match(e.message, p);
    }
    return e;
  }
  assert.fail('expected a UserError');
}
