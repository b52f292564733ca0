/**
 * Module constants of a pasted Keras script: `num_classes = 10`, `input_shape = (28, 28, 1)`,
 * `Dense(num_classes * 2)`. Names are replaced by the values assigned to them and the operator
 * calls the parser made (`operator *`, `operator []`) are folded over plain numbers, strings,
 * tuples and lists. Nothing is evaluated as code: the folding is a few arithmetic rules on data.
 */
import { isCall, isIdent, isTuple, type Call, type Value } from './ast.js';
import { OPERATOR_PREFIX } from './operators.js';

/** Why a value could not be made plain data: the name or the call it needs. */
export class Unresolved extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

/** What a name means: its value, or undefined to keep it as a word (`relu`, `keras2`). */
export type Lookup = (name: string) => Value | undefined;

/** Replaces known names and folds operators; throws Unresolved for an operator over unknown values. */
export function resolveValue(value: Value, lookup: Lookup): Value {
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, lookup));
  if (isTuple(value)) return { kind: 'tuple', items: value.items.map((v) => resolveValue(v, lookup)) };
  if (isIdent(value)) return lookup(value.name) ?? value;
  if (!isCall(value)) return value;
  if (value.name.startsWith(OPERATOR_PREFIX)) return fold(value, lookup);
  const args = value.args.map((v) => resolveValue(v, lookup));
  const kwargs: Record<string, Value> = {};
  for (const [k, v] of Object.entries(value.kwargs)) Object.defineProperty(kwargs, k, { value: resolveValue(v, lookup), enumerable: true, writable: true, configurable: true });
  const builtin = BUILTINS[value.name];
  if (builtin && Object.keys(kwargs).length === 0) return builtin(args, value);
  // `RNN = layers.LSTM` then `RNN(128)`: the call is to the class the name was bound to.
  const alias = value.name.includes('.') ? undefined : lookup(value.name);
  if (alias !== undefined && isIdent(alias)) return { ...value, name: alias.name, args, kwargs };
  return { ...value, args, kwargs };
}

const BUILTINS: Readonly<Record<string, (args: Value[], call: Call) => Value>> = {
  len: ([v], call) => {
    if (typeof v === 'string') return v.length;
    if (Array.isArray(v)) return v.length;
    if (v !== undefined && isTuple(v)) return v.items.length;
    throw new Unresolved(describe(call));
  },
  int: ([v], call) => (typeof v === 'number' ? Math.trunc(v) : unresolved(call)),
  float: ([v], call) => (typeof v === 'number' ? v : unresolved(call)),
  tuple: ([v], call) => (Array.isArray(v) ? { kind: 'tuple', items: v } : v !== undefined && isTuple(v) ? v : unresolved(call)),
  list: ([v], call) => (Array.isArray(v) ? v : v !== undefined && isTuple(v) ? [...v.items] : unresolved(call)),
};

function unresolved(call: Call): never {
  throw new Unresolved(describe(call));
}

function describe(v: Value): string {
  if (isIdent(v)) return v.name;
  if (isCall(v)) return v.name.startsWith(OPERATOR_PREFIX) ? v.args.map(describe).find((d) => d !== '') ?? '' : `${v.name}(...)`;
  return '';
}

function items(v: Value): readonly Value[] | null {
  if (Array.isArray(v)) return v;
  return isTuple(v) ? v.items : null;
}

function fold(call: Call, lookup: Lookup): Value {
  const op = call.name.slice(OPERATOR_PREFIX.length);
  const args = call.args.map((v) => resolveValue(v, lookup));
  const [a, b] = args as [Value, Value];
  const fail = (): never => {
    const unknown = args.map(describe).find((d) => d !== '');
    throw new Unresolved(unknown ?? `'${op}' on these values`);
  };
  if (op === 'neg') return typeof a === 'number' ? -a : fail();
  if (op === ':') return call.args.length === 2 ? { ...call, args } : fail();
  if (op === '[]') return subscript(a, b, fail);
  if (typeof a === 'number' && typeof b === 'number') return arithmetic(op, a, b, fail);
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  const [la, lb] = [items(a), items(b)];
  if (op === '+' && la && lb && Array.isArray(a) === Array.isArray(b)) return Array.isArray(a) ? [...la, ...lb] : { kind: 'tuple', items: [...la, ...lb] };
  if (op === '*' && la && typeof b === 'number' && Number.isInteger(b)) {
    const out = Array.from({ length: Math.max(0, b) }, () => la).flat();
    return Array.isArray(a) ? out : { kind: 'tuple', items: out };
  }
  return fail();
}

function arithmetic(op: string, a: number, b: number, fail: () => never): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? fail() : a / b;
    case '//': return b === 0 ? fail() : Math.floor(a / b);
    case '%': return b === 0 ? fail() : a - b * Math.floor(a / b);
    case '**': return a ** b;
    default: return fail();
  }
}

function subscript(target: Value, index: Value, fail: () => never): Value {
  const list = typeof target === 'string' ? [...target] : items(target);
  if (!list) return fail();
  const norm = (i: number) => (i < 0 ? i + list.length : i);
  if (typeof index === 'number' && Number.isInteger(index)) {
    const item = list[norm(index)];
    return item === undefined ? fail() : item;
  }
  if (isCall(index) && index.name === `${OPERATOR_PREFIX}:`) {
    const [start, stop] = index.args;
    const from = typeof start === 'number' ? Math.max(0, norm(start)) : 0;
    const to = typeof stop === 'number' ? Math.max(0, norm(stop)) : list.length;
    const part = list.slice(from, to);
    if (typeof target === 'string') return part.join('');
    return Array.isArray(target) ? part : { kind: 'tuple', items: part };
  }
  return fail();
}

/** True when the value is plain data (no call, no name left): what a constant may hold. */
export function isPlainData(value: Value): boolean {
  if (Array.isArray(value)) return value.every(isPlainData);
  if (isTuple(value)) return value.items.every(isPlainData);
  return !isCall(value) && !isIdent(value);
}
