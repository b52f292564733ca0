/**
 * Parser values <-> JSON for files (model.json's klayers plan). Values are already plain data;
 * only what JSON cannot hold (inf, nan, -0) gets a tagged form. Decoding checks every node, since
 * a file from someone else is untrusted input.
 */
import type { Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { MAX_NESTING } from '../lang/index.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value as JSON-able data. */
export function encodeValue(v: Value): Json {
  if (typeof v === 'number') {
    if (Number.isFinite(v) && !Object.is(v, -0)) return v;
    return { kind: 'float', value: Number.isNaN(v) ? 'nan' : Object.is(v, -0) ? '-0' : v > 0 ? 'inf' : '-inf' };
  }
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(encodeValue);
  const o = v as Exclude<Value, null | boolean | number | string | readonly Value[]>;
  switch (o.kind) {
    case 'tuple':
      return { kind: 'tuple', items: o.items.map(encodeValue) };
    case 'ident':
      return { kind: 'ident', name: o.name };
    case 'call':
      return { kind: 'call', name: o.name, args: o.args.map(encodeValue), kwargs: encodeRecord(o.kwargs) };
  }
}

/** Every value of a record encoded. */
export function encodeRecord(r: Readonly<Record<string, Value>>): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, encodeValue(v)]));
}

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

function bad(where: string): UserError {
  return new UserError(`model.json: ${where} is not a klayers value.`, 'The file was changed by hand or by another program; save the model again.');
}

/** How deep a saved value may nest: as deep as the brackets of a typed line (see lang's MAX_NESTING). */
const MAX_DEPTH = MAX_NESTING;

function tooDeep(where: string): UserError {
  // Named by the argument, not the whole path of [0]s down to the limit.
  const argument = where.replace(/[[(].*$/, '');
  return new UserError(`model.json: ${argument} nests deeper than ${MAX_DEPTH} levels.`, 'The file was changed by hand or by another program; save the model again.');
}

/** JSON back to a value; throws UserError naming `where` for anything malformed or nested too deep. */
export function decodeValue(j: unknown, where: string, depth = 0): Value {
  if (j === null || typeof j === 'boolean' || typeof j === 'string') return j;
  if (typeof j === 'number') return j;
  if (depth >= MAX_DEPTH) throw tooDeep(where);
  if (Array.isArray(j)) return j.map((x, i) => decodeValue(x, `${where}[${i}]`, depth + 1));
  if (typeof j !== 'object') throw bad(where);
  const o = j as Record<string, unknown>;
  if (o.kind === 'float' && typeof o.value === 'string' && o.value in SPECIAL) return SPECIAL[o.value]!;
  if (o.kind === 'tuple' && Array.isArray(o.items)) return { kind: 'tuple', items: o.items.map((x, i) => decodeValue(x, `${where}[${i}]`, depth + 1)) };
  if (o.kind === 'ident' && typeof o.name === 'string') return { kind: 'ident', name: o.name };
  if (o.kind === 'call' && typeof o.name === 'string' && Array.isArray(o.args)) {
    return { kind: 'call', name: o.name, args: o.args.map((x, i) => decodeValue(x, `${where}(${i})`, depth + 1)), kwargs: decodeRecord(o.kwargs, where, depth + 1), column: 0 };
  }
  throw bad(where);
}

/** A JSON object whose values are values. */
export function decodeRecord(j: unknown, where: string, depth = 0): Record<string, Value> {
  if (typeof j !== 'object' || j === null || Array.isArray(j)) throw bad(where);
  return Object.fromEntries(Object.entries(j).map(([k, v]) => [k, decodeValue(v, `${where}.${k}`, depth)]));
}
