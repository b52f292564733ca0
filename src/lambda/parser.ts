import { UserError } from '../core/user-error.js';
import { isTensorExpr, type BinaryOp, type ComparisonOp, type LambdaExpr } from './ast.js';
import { Cursor } from './cursor.js';
import { parsePrimary } from './parse-primary.js';
import { parseSubscript } from './parse-index.js';
import { tokenize } from './tokens.js';

/** Longest expression accepted; bounds parse time and tree size. */
export const MAX_SOURCE_LENGTH = 1000;

/** A parsed piece and the 1-based column where it starts (for messages). */
export interface Parsed {
  readonly expr: LambdaExpr;
  readonly column: number;
}

const COMPARISONS = new Set<string>(['<', '<=', '>', '>=', '==', '!=']);
// Precedence climbing for the left-associative arithmetic operators.
const PRECEDENCE: Readonly<Record<string, number>> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const UNSUPPORTED: Readonly<Record<string, string>> = { '%': 'modulo', '//': 'floor division', '@': 'matrix multiplication' };

/**
 * Parses a Lambda expression over the input tensor `x` into a plain tree. Throws UserError with
 * the 1-based column and what was expected. A leading `lambda x:` is accepted and ignored.
 */
export function parseLambda(source: string, bound: Readonly<Record<string, number>> = {}): LambdaExpr {
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new UserError(`Lambda expression is too long: ${source.length} characters (the limit is ${MAX_SOURCE_LENGTH})`);
  }
  if (source.trim() === '') {
    throw new UserError("Lambda expression is empty: write an expression over x, e.g. 'x * 2 + 1'");
  }
  const c = new Cursor(source, tokenize(source));
  skipLambdaPrefix(c, bound);
  const parsed = parseExpression(c);
  if (c.peek().kind !== 'end') throw c.unexpected(c.peek(), 'expected an operator or the end of the expression');
  requireTensor(c, parsed);
  return parsed.expr;
}

/**
 * `lambda x:`, `lambda t:` (any name for the input) and `lambda x, scale=2.0:` (a parameter with
 * a number default, Python's idiom for a constant); the names are bound for the body. `bound` is
 * Lambda's `arguments=` (Keras calls `function(x, **arguments)`): it gives parameters their values,
 * over their defaults, and may only name parameters the lambda has.
 */
function skipLambdaPrefix(c: Cursor, bound: Readonly<Record<string, number>>): void {
  const first = c.peek();
  const given = Object.keys(bound);
  if (first.kind !== 'name' || first.text !== 'lambda') {
    if (given.length > 0) throw new UserError(`Lambda: arguments= gives ${given.map((k) => `'${k}'`).join(', ')}, but the expression takes no parameters.`, `Write it as a lambda that takes them, e.g. 'lambda x, ${given[0]}: x * ${given[0]}'.`);
    return;
  }
  c.next();
  const param = c.next();
  if (param.kind !== 'name' || param.text.includes('.')) throw c.unexpected(param, "expected the input's name, as in 'lambda x:'");
  c.bindings.set(param.text, { kind: 'x' });
  const params = [param.text];
  while (c.acceptOp(',')) {
    const name = c.next();
    if (name.kind !== 'name' || name.text.includes('.')) throw c.unexpected(name, 'expected a parameter name');
    params.push(name.text);
    const value = bound[name.text];
    if (!c.isOp('=')) {
      if (value === undefined) throw c.unexpected(c.peek(), `expected '=' and a number after '${name.text}', or a value for it in arguments= (only the input may go without one)`);
      c.bindings.set(name.text, { kind: 'number', value });
      continue;
    }
    c.next();
    const negative = c.acceptOp('-');
    const dflt = c.next();
    if (dflt.kind !== 'number') throw c.unexpected(dflt, `expected a number as the default of '${name.text}'`);
    c.bindings.set(name.text, { kind: 'number', value: value ?? (negative ? -dflt.value! : dflt.value!) });
  }
  c.expectOp(':', `expected ':' after 'lambda ${param.text}'`);
  const unknown = given.filter((k) => !params.slice(1).includes(k));
  if (unknown.length > 0) throw new UserError(`Lambda: arguments= gives '${unknown[0]}', which the lambda does not take (its parameters: ${params.join(', ')}).`, `Add it to the lambda, e.g. 'lambda ${params.join(', ')}, ${unknown[0]}: ...', or remove it from arguments=.`);
}

/** expression := arithmetic [comparison arithmetic] */
export function parseExpression(c: Cursor): Parsed {
  const left = parseArithmetic(c, 1);
  if (!COMPARISONS.has(c.peek().text) || c.peek().kind !== 'op') return left;
  const op = c.next().text as ComparisonOp;
  const right = parseArithmetic(c, 1);
  const after = c.peek();
  if (after.kind === 'op' && COMPARISONS.has(after.text)) {
    throw c.error(after.column, 'chains comparisons', 'a < b < c is not supported; multiply two comparisons instead: (a < b) * (b < c)');
  }
  return binary(c, op, left, right);
}

function parseArithmetic(c: Cursor, minPrecedence: number): Parsed {
  let left = parseUnary(c);
  for (;;) {
    const token = c.peek();
    if (token.kind === 'op' && UNSUPPORTED[token.text] !== undefined) {
      throw c.error(token.column, `uses '${token.text}' (${UNSUPPORTED[token.text]})`, 'only + - * / ** and comparisons are supported');
    }
    const precedence = token.kind === 'op' ? PRECEDENCE[token.text] : undefined;
    if (precedence === undefined || precedence < minPrecedence) return left;
    c.next();
    const right = parseArithmetic(c, precedence + 1);
    left = binary(c, token.text as BinaryOp, left, right);
  }
}

/** unary := ('-' | '+') unary | power. `-2 ** 2` is -(2 ** 2), as in Python. */
function parseUnary(c: Cursor): Parsed {
  const token = c.peek();
  if (!c.isOp('-') && !c.isOp('+')) return parsePower(c);
  c.next();
  const operand = c.nested(token.column, () => parseUnary(c));
  requireTensor(c, operand);
  if (token.text === '+') return { expr: operand.expr, column: token.column };
  const e = operand.expr;
  const expr: LambdaExpr = e.kind === 'number' && e.value > 0 ? { kind: 'number', value: -e.value } : { kind: 'unary', op: '-', operand: e };
  return { expr, column: token.column };
}

/** power := postfix ['**' unary], right-associative. */
function parsePower(c: Cursor): Parsed {
  const base = parsePostfix(c);
  const token = c.peek();
  if (!c.acceptOp('**')) return base;
  const exponent = c.nested(token.column, () => parseUnary(c));
  return binary(c, '**', base, exponent);
}

/** postfix := primary ('[' subscript ']')* */
function parsePostfix(c: Cursor): Parsed {
  let result = parsePrimary(c);
  while (c.isOp('[') || c.isOp('(')) {
    if (c.isOp('(')) throw c.error(c.peek().column, 'calls something that is not a function', 'only named functions such as mean(x) can be called');
    requireTensor(c, result);
    result = { expr: { kind: 'index', target: result.expr, items: parseSubscript(c) }, column: result.column };
  }
  return result;
}

function binary(c: Cursor, op: BinaryOp, left: Parsed, right: Parsed): Parsed {
  requireTensor(c, left);
  requireTensor(c, right);
  return { expr: { kind: 'binary', op, left: left.expr, right: right.expr }, column: left.column };
}

const NOT_TENSOR: Readonly<Record<string, string>> = { tuple: 'a tuple', list: 'a list', none: 'None', bool: 'a bool' };

/** Tuples, lists, None and bools are only arguments; refuse them where a tensor is computed. */
function requireTensor(c: Cursor, parsed: Parsed): void {
  if (isTensorExpr(parsed.expr)) return;
  throw c.error(parsed.column, `has ${NOT_TENSOR[parsed.expr.kind]} where a tensor is needed`, 'tuples, lists, None and True/False are only function arguments, e.g. reshape(x, (8, 8))');
}
