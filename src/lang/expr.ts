/**
 * Python expressions as a Keras user types them: literals, tuples, lists, names and calls with
 * positional and keyword arguments. Nothing is evaluated; the result is a plain `Value`.
 */
import type { Call, Value } from './ast.js';
import { isConstantName, nameValue } from './names.js';
import type { Parser } from './parser.js';
import { parsePythonLambda } from './lambda-value.js';
import { DICT, OPERATOR_PREFIX } from './operators.js';
import { ParseFailure, type Token } from './tokens.js';

/**
 * Parses one value at the cursor; `expected` describes the value for the error if none is there.
 * Arithmetic (`2 * maxlen`, `input_shape[0]`) becomes an operator call (see OPERATOR_PREFIX),
 * data for the constants resolver, never computed here. On a command line it is read only
 * inside brackets, where spaces cannot separate arguments.
 */
export function parseValue(p: Parser, expected: string): Value {
  return parseSum(p, expected);
}


function arithmetic(p: Parser): boolean {
  return !p.commandLine || p.depth > 0;
}

function operator(op: string, args: Value[], column: number): Call {
  return { kind: 'call', name: OPERATOR_PREFIX + op, args, kwargs: {}, column };
}

function parseSum(p: Parser, expected: string): Value {
  let left = parseTerm(p, expected);
  while (arithmetic(p) && (p.at('+') || p.at('-'))) {
    const op = p.next();
    left = operator(op.text, [left, parseTerm(p, `expected a value after '${op.text}'`)], op.start);
  }
  return left;
}

function parseTerm(p: Parser, expected: string): Value {
  let left = parseUnary(p, expected);
  while (arithmetic(p) && (p.at('*') || p.at('/') || p.at('%'))) {
    const first = p.next();
    let op = first.text;
    // `//` is two tokens glued; `**` is taken by parsePower before we get here.
    if (op === '/' && p.at('/') && p.peek().start === first.end) op += p.next().text;
    left = operator(op, [left, parseUnary(p, `expected a value after '${op}'`)], first.start);
  }
  return left;
}

function parseUnary(p: Parser, expected: string): Value {
  let negative = false;
  let lastSign: Token | undefined;
  // A loop, not recursion: `------3` must not grow the stack.
  while (p.at('+') || p.at('-')) {
    lastSign = p.next();
    if (lastSign.text === '-') negative = !negative;
  }
  if (lastSign === undefined) return parsePower(p, expected);
  const token = p.peek();
  // `-3`, and `-num_classes` or `-(a * b)` over constants, which the resolver folds.
  if (token.kind !== 'number' && token.kind !== 'name' && !p.at('(')) p.fail(token, `expected a number after '${lastSign.text}'`);
  const operand = parsePower(p, `expected a value after '${lastSign.text}'`);
  if (typeof operand === 'number') return negative ? -operand : operand;
  return negative ? operator('neg', [operand], lastSign.start) : operand;
}

function parsePower(p: Parser, expected: string): Value {
  const base = parseSubscripts(p, expected);
  const star = p.peek();
  if (!arithmetic(p) || !p.at('*') || p.peekAfter(star).text !== '*' || p.peekAfter(star).start !== star.end) return base;
  p.next();
  p.next();
  return operator('**', [base, parseUnary(p, "expected a value after '**'")], star.start);
}

/** `shape[0]`, `x.shape[1:]`: an index glued to the value before it. */
function parseSubscripts(p: Parser, expected: string): Value {
  let value = parseAtom(p, expected);
  while (arithmetic(p) && p.at('[') && p.peek().start === p.lastEnd) {
    const open = p.openBracket();
    const index = parseIndex(p);
    p.closeBracket("expected ']'");
    value = operator('[]', [value, index], open.start);
  }
  return value;
}

function parseIndex(p: Parser): Value {
  const start = p.at(':') ? null : parseValue(p, "expected an index or ':'");
  if (!p.at(':')) return start;
  const colon = p.next();
  const stop = p.at(']') ? null : parseValue(p, "expected an index or ']'");
  return operator(':', [start, stop], colon.start);
}

function parseAtom(p: Parser, expected: string): Value {
  const token = p.peek();
  if (token.kind === 'number') return p.next().value as number;
  if (token.kind === 'string') return parseStrings(p);
  if (token.kind === 'name') {
    if (token.text === 'lambda') return parsePythonLambda(p);
    p.next();
    if (p.at('(') && !isConstantName(token.text)) return parseCallArgs(p, token);
    return nameValue(token);
  }
  if (p.at('(')) return parseParenthesized(p);
  if (p.at('[')) return parseList(p);
  if (p.at('{')) return parseDict(p);
  return p.fail(token, expected);
}

/** Adjacent literals join as in Python: `'a' "b"` is `'ab'` (not between command arguments). */
function parseStrings(p: Parser): string {
  const parts = [p.next().value as string];
  const joins = !p.commandLine || p.depth > 0;
  while (joins && p.peek().kind === 'string') parts.push(p.next().value as string);
  return parts.join('');
}

/** `()`, `(x)` which is just x, `(x,)` and `(x, y)`. */
function parseParenthesized(p: Parser): Value {
  p.openBracket();
  if (p.at(')')) {
    p.closeBracket("expected ')'");
    return { kind: 'tuple', items: [] };
  }
  const first = parseValue(p, "expected a value or ')'");
  if (!p.at(',')) {
    p.closeBracket(afterItem(p, ')'));
    return first;
  }
  const items = [first];
  while (p.at(',')) {
    p.next();
    if (p.at(')')) break;
    items.push(parseValue(p, "expected a value or ')'"));
  }
  p.closeBracket(afterItem(p, ')'));
  return { kind: 'tuple', items };
}

function parseList(p: Parser): Value[] {
  p.openBracket();
  const items: Value[] = [];
  while (!p.at(']')) {
    items.push(parseValue(p, "expected a value or ']'"));
    if (!p.at(',')) break;
    p.next();
  }
  p.closeBracket(afterItem(p, ']'));
  return items;
}

/**
 * `{'y': 2, 'scale': 0.5}` (Lambda's `arguments=`): string keys that are Python names, read as
 * the call `dict(y=2, scale=0.5)`, which is the same value in Python.
 */
function parseDict(p: Parser): Call {
  const open = p.openBracket();
  const kwargs: Record<string, Value> = {};
  while (!p.at('}')) {
    const key = p.peek();
    if (key.kind !== 'string') p.fail(key, "expected a string key such as 'y' or '}'");
    const name = p.next().value as string;
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new ParseFailure(`a key here must be a Python name, not '${name}'`, key.start);
    if (Object.hasOwn(kwargs, name)) throw new ParseFailure(`key repeated: '${name}'`, key.start);
    p.expect(':', "expected ':' after the key");
    defineKwarg(kwargs, name, parseValue(p, `expected a value for '${name}'`));
    if (!p.at(',')) break;
    p.next();
  }
  p.closeBracket(afterItem(p, '}'));
  return { kind: 'call', name: DICT, args: [], kwargs, column: open.start };
}

/** `name(args, key=value)`; the cursor is on the `(` right after the name token. */
function parseCallArgs(p: Parser, name: Token): Call {
  p.openBracket();
  const args: Value[] = [];
  const kwargs: Record<string, Value> = {};
  let keywordSeen = false;
  while (!p.at(')')) {
    const token = p.peek();
    if (token.kind === 'name' && isKeywordStart(p, token)) {
      const key = parseKeyword(p, token, kwargs);
      defineKwarg(kwargs, key, parseValue(p, `expected a value after '${key}='`));
      keywordSeen = true;
    } else {
      const value = parseValue(p, "expected an argument or ')'");
      if (keywordSeen) throw new ParseFailure('positional argument follows keyword argument', token.start);
      args.push(value);
    }
    if (!p.at(',')) break;
    p.next();
  }
  p.closeBracket(afterItem(p, ')'));
  return { kind: 'call', name: name.text, args, kwargs, column: name.start };
}

function isKeywordStart(p: Parser, name: Token): boolean {
  const after = p.peekAfter(name);
  return after.kind === 'punct' && after.text === '=';
}

/** Consumes `key =` and checks the key is a fresh plain name. */
function parseKeyword(p: Parser, token: Token, kwargs: Record<string, Value>): string {
  if (token.text.includes('.') || isConstantName(token.text)) {
    throw new ParseFailure(`a keyword must be a plain name, not '${token.text}'`, token.start);
  }
  if (Object.hasOwn(kwargs, token.text)) {
    throw new ParseFailure(`keyword argument repeated: ${token.text}`, token.start);
  }
  p.next();
  p.next();
  return token.text;
}

/** Sets a keyword without going through setters, so `__proto__=1` is an ordinary key. */
export function defineKwarg(kwargs: Record<string, Value>, key: string, value: Value): void {
  Object.defineProperty(kwargs, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The error text when an item is not followed by a comma or the closer. */
function afterItem(p: Parser, closer: string): string {
  const kind = p.peek().kind;
  const likelyValue = kind === 'number' || kind === 'string' || kind === 'name';
  return `expected ',' or '${closer}'${likelyValue ? ' (missing a comma?)' : ''}`;
}
