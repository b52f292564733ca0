import { closest, distance } from 'fastest-levenshtein';
import { own } from '../core/own.js';
import type { LambdaExpr } from './ast.js';
import type { Cursor } from './cursor.js';
import { findLambdaFunction, LAMBDA_FUNCTIONS } from './function-table.js';
import { parseCall } from './parse-call.js';
import { parseExpression, type Parsed } from './parser.js';

const EXPECTED_OPERAND = 'expected a number, x or a function call';
const CONSTANT_NAMES: Readonly<Record<string, LambdaExpr>> = {
  None: { kind: 'none' },
  True: { kind: 'bool', value: true },
  False: { kind: 'bool', value: false },
};
// Prefixes Keras code uses for the same functions: `ops.mean(x)`, `keras.ops.mean(x)`.
const OPS_PREFIXES = new Set(['ops', 'keras.ops', 'keras_core.ops']);
/** Functions whose ops.-prefixed form means keras.ops's own semantics (the batch axis included). */
const OPS_OWN = new Set(['reshape']);

/** primary := number | x | None | True | False | call | '(' expr ')' | tuple | list */
export function parsePrimary(c: Cursor): Parsed {
  const token = c.peek();
  if (token.kind === 'number') {
    c.next();
    return { expr: { kind: 'number', value: token.value! }, column: token.column };
  }
  if (token.kind === 'name') return parseName(c);
  if (token.kind === 'op' && token.text === '(') return c.nested(token.column, () => parseParenthesised(c));
  if (token.kind === 'op' && token.text === '[') return c.nested(token.column, () => parseList(c));
  if (token.kind === 'op' && token.text === '...') {
    throw c.error(token.column, "has '...' outside brackets", "'...' only works in an index such as x[..., 0]");
  }
  throw c.unexpected(token, EXPECTED_OPERAND);
}

function parseName(c: Cursor): Parsed {
  const token = c.next();
  let name = token.text;
  while (c.isOp('.')) {
    const dot = c.next();
    const attribute = c.peek();
    if (attribute.kind !== 'name') throw c.unexpected(attribute, `expected a name after '${name}.'`);
    if (!OPS_PREFIXES.has(name) && name !== 'keras' && name !== 'keras_core') {
      throw c.error(dot.column, `uses attribute access '${name}.${attribute.text}'`, 'attributes are not supported; only x and functions such as reshape(x, (8, 8)) are available');
    }
    c.next();
    name = `${name}.${attribute.text}`;
  }
  const dotAt = name.lastIndexOf('.');
  if (dotAt >= 0 && OPS_PREFIXES.has(name.slice(0, dotAt))) {
    const bare = name.slice(dotAt + 1);
    name = OPS_OWN.has(bare) ? `ops.${bare}` : bare;
  }
  const constant = own(CONSTANT_NAMES, name);
  if (constant !== undefined) return { expr: constant, column: token.column };
  const fn = findLambdaFunction(name);
  const called = c.isOp('(');
  const bound = c.bindings.get(name);
  if (bound !== undefined && !called) return { expr: bound, column: token.column };
  if (name === 'x') {
    if (called) throw c.error(token.column, 'calls x', 'x is the input tensor, not a function');
    return { expr: { kind: 'x' }, column: token.column };
  }
  if (fn !== undefined && called) return parseCall(c, fn, token.column);
  if (fn !== undefined) throw c.error(token.column, `uses the function '${name}' without calling it`, `write ${name}(x)`);
  if (called) throw unknownFunction(c, name, token.column);
  throw c.error(token.column, `uses unknown name '${name}'`, 'only x is defined');
}

function unknownFunction(c: Cursor, name: string, column: number) {
  const names = LAMBDA_FUNCTIONS.map((f) => f.name);
  const allowed = `Allowed functions: ${names.join(', ')}`;
  const guess = closest(name, names);
  // Only a close guess helps: `maen` -> mean, not `foo` -> log.
  const close = distance(name, guess) * 2 <= name.length;
  // The full list goes in the hint only, so the one-line message does not say it twice.
  const detail = close ? `did you mean ${guess}?` : 'it is not one of the allowed functions';
  return c.error(column, `calls unknown function '${name}'`, detail, allowed);
}

/** `(expr)` groups; `()`, `(a,)` and `(a, b)` are tuples. */
function parseParenthesised(c: Cursor): Parsed {
  const open = c.next();
  if (c.acceptOp(')')) return { expr: { kind: 'tuple', items: [] }, column: open.column };
  const first = parseExpression(c);
  if (c.acceptOp(')')) return { expr: first.expr, column: open.column };
  const items = [first.expr, ...parseRestOfSequence(c, ')')];
  return { expr: { kind: 'tuple', items }, column: open.column };
}

function parseList(c: Cursor): Parsed {
  const open = c.next();
  if (c.acceptOp(']')) return { expr: { kind: 'list', items: [] }, column: open.column };
  const items = [parseExpression(c).expr];
  if (!c.acceptOp(']')) items.push(...parseRestOfSequence(c, ']'));
  return { expr: { kind: 'list', items }, column: open.column };
}

/** After the first item: `, item`* with an optional trailing comma, then the closer. */
function parseRestOfSequence(c: Cursor, closer: string): LambdaExpr[] {
  const items: LambdaExpr[] = [];
  for (;;) {
    c.expectOp(',', `expected ',' or '${closer}'`);
    if (c.acceptOp(closer)) return items;
    items.push(parseExpression(c).expr);
    if (c.acceptOp(closer)) return items;
  }
}
