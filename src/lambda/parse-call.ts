import { closest } from 'fastest-levenshtein';
import type { LambdaExpr } from './ast.js';
import { fitsParamKind, PARAM_KIND_TEXT } from './consts.js';
import type { Cursor } from './cursor.js';
import { formatSignature, type LambdaFunction } from './functions.js';
import { parseExpression, type Parsed } from './parser.js';

interface GivenArg extends Parsed {
  readonly name?: string;
}

/** Parses `name(args)` and binds the arguments to the function's parameters by name. */
export function parseCall(c: Cursor, fn: LambdaFunction, column: number): Parsed {
  const args = c.nested(column, () => parseArguments(c));
  const bound: Record<string, LambdaExpr> = {};
  const signature = formatSignature(fn);
  args.forEach((arg, i) => {
    const param = arg.name === undefined ? fn.params[i] : fn.params.find((p) => p.name === arg.name);
    if (param === undefined && arg.name === undefined) {
      throw c.error(arg.column, `gives ${fn.name}() too many arguments`, `expected ${signature}`);
    }
    if (param === undefined) {
      const guess = closest(arg.name!, fn.params.map((p) => p.name));
      throw c.error(arg.column, `gives ${fn.name}() an unknown argument '${arg.name}'`, `did you mean ${guess}? expected ${signature}`);
    }
    if (bound[param.name] !== undefined) {
      throw c.error(arg.column, `gives ${fn.name}() the argument '${param.name}' twice`, `expected ${signature}`);
    }
    if (!fitsParamKind(param.kind, arg.expr)) {
      throw c.error(arg.column, `gives ${fn.name}() a bad '${param.name}'`, `expected ${PARAM_KIND_TEXT[param.kind]} in ${signature}`);
    }
    bound[param.name] = arg.expr;
  });
  const missing = fn.params.find((p) => p.default === undefined && bound[p.name] === undefined);
  if (missing !== undefined) {
    throw c.error(column, `calls ${fn.name}() without its argument '${missing.name}'`, `expected ${signature}`);
  }
  return { expr: { kind: 'call', name: fn.name, args: bound }, column };
}

/** `(a, b, axis=1)`: positional arguments first, then keywords, as Python requires. */
function parseArguments(c: Cursor): GivenArg[] {
  c.expectOp('(', "expected '('");
  const args: GivenArg[] = [];
  while (!c.acceptOp(')')) {
    const start = c.peek();
    if (start.kind === 'name' && c.isOp('=', 1)) {
      c.next();
      c.next();
      args.push({ ...parseExpression(c), name: start.text, column: start.column });
    } else {
      if (args.some((a) => a.name !== undefined)) {
        throw c.error(start.column, 'has a positional argument after a keyword argument', 'put positional arguments first, as in mean(x, axis=1)');
      }
      args.push(parseExpression(c));
    }
    if (!c.isOp(')')) c.expectOp(',', "expected ',' or ')'");
  }
  return args;
}
