/**
 * fast-check arbitraries for the command language: Values built the way the parser builds them,
 * and whole lines made from them.
 */
import fc from 'fast-check';
import { type Call, type Value, isCall, isList, isTuple } from '../../src/lang/ast.js';
import { formatValue } from '../../src/lang/index.js';

/** Names that are not Idents: constants, and spellings the parser rejects with a hint. */
const NOT_IDENTS = new Set(['None', 'True', 'False', 'true', 'false', 'none', 'null', 'import', 'from']);
const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_';
const REST = `${FIRST}0123456789`;

export const identifier: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FIRST), fc.string({ unit: fc.constantFrom(...REST), maxLength: 8 }))
  .map(([head, tail]) => head + tail)
  .filter((name) => !NOT_IDENTS.has(name));

export const dottedName: fc.Arbitrary<string> = fc
  .array(identifier, { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('.'));

const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.5, 0.01, 1e-5, 0.001, -0, 1e16, 9007199254740993, 5e-324, 1.7976931348623157e308),
);

/** Any code point, plus lone surrogates, which JS strings (and Python str) may hold. */
const text: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 4, arbitrary: fc.constantFrom("'", '"', '\\', '\n', '\r', '\t', '#', ',', '(', ')', ' ') },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  ),
  maxLength: 12,
});

/** Keyword arguments as an object built like the parser builds it (own data properties, in order). */
function kwargsOf(value: fc.Arbitrary<Value>): fc.Arbitrary<Record<string, Value>> {
  const key = fc.oneof({ weight: 20, arbitrary: identifier }, { weight: 1, arbitrary: fc.constant('__proto__') });
  return fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 3 }).map((pairs) => {
    const kwargs: Record<string, Value> = {};
    for (const [k, v] of pairs) Object.defineProperty(kwargs, k, { value: v, enumerable: true, writable: true, configurable: true });
    return kwargs;
  });
}

const tree = fc.letrec<{ value: Value; call: Call }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Value>(null, true, false),
    number,
    text,
    identifier.map((name): Value => ({ kind: 'ident', name })),
    dottedName.map((name): Value => ({ kind: 'ident', name })),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(tie('value'), { maxLength: 4 }).map((items): Value => ({ kind: 'tuple', items })),
    tie('call'),
  ),
  call: fc
    .tuple(dottedName, fc.array(tie('value'), { maxLength: 3 }), kwargsOf(tie('value')))
    .map(([name, args, kwargs]): Call => ({ kind: 'call', name, args, kwargs, column: 0 })),
}));

export const value: fc.Arbitrary<Value> = tree.value;
export const call: fc.Arbitrary<Call> = tree.call;

/** A command line: its source text and the Line the parser should produce (calls' columns zeroed). */
export const commandLine = fc
  .tuple(identifier, fc.array(value, { maxLength: 4 }), kwargsOf(value), fc.constantFrom(' ', '  ', ', ', '\t'))
  .map(([name, args, kwargs, gap]) => {
    const parts = [...args.map(formatValue), ...Object.entries(kwargs).map(([k, v]) => `${k}=${formatValue(v)}`)];
    const source = [name, ...parts].join(gap).replace(/^(\w+), /, '$1 ');
    return { source, line: { kind: 'command' as const, name, args, kwargs } };
  });

/** Replaces every call's column by 0, to compare values parsed from different texts. */
export function withoutColumns(v: Value): Value {
  if (isList(v)) return v.map(withoutColumns);
  if (isTuple(v)) return { kind: 'tuple', items: v.items.map(withoutColumns) };
  if (!isCall(v)) return v;
  const kwargs: Record<string, Value> = {};
  for (const [k, x] of Object.entries(v.kwargs)) {
    Object.defineProperty(kwargs, k, { value: withoutColumns(x), enumerable: true, writable: true, configurable: true });
  }
  return { kind: 'call', name: v.name, args: v.args.map(withoutColumns), kwargs, column: 0 };
}

/** Every call in `v` with the column it claims, to check each column points at its name. */
export function callsIn(v: Value, found: Call[] = []): Call[] {
  if (isList(v)) v.forEach((x) => callsIn(x, found));
  else if (isTuple(v)) v.items.forEach((x) => callsIn(x, found));
  else if (isCall(v)) {
    found.push(v);
    v.args.forEach((x) => callsIn(x, found));
    Object.values(v.kwargs).forEach((x) => callsIn(x, found));
  }
  return found;
}
