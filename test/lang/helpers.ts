/** Small helpers shared by the lang tests. */
import assert from 'node:assert/strict';
import type { Line, SyntaxErrorInfo, Value } from '../../src/lang/ast.js';
import { parseLine } from '../../src/lang/index.js';

/** Parses a line that must succeed and returns its Line. */
export function lineOf(text: string): Line {
  const result = parseLine(text);
  if (!result.ok) assert.fail(`expected ${JSON.stringify(text)} to parse, got ${JSON.stringify(result.error)}`);
  return result.line;
}

/** The value of `x = <text>`: how a literal or call is read in expression position. */
export function valueOf(text: string): Value {
  const line = lineOf(`x = ${text}`);
  assert.equal(line.kind, 'assign');
  return (line as { value: Value }).value;
}

/** Parses a line that must fail and returns its error. */
export function errorOf(text: string): SyntaxErrorInfo {
  const result = parseLine(text);
  if (result.ok) assert.fail(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(result.line)}`);
  return result.error;
}

export const ident = (name: string): Value => ({ kind: 'ident', name });
export const tuple = (...items: Value[]): Value => ({ kind: 'tuple', items });
export function call(name: string, column: number, args: Value[] = [], kwargs: Record<string, Value> = {}): Value {
  return { kind: 'call', name, args, kwargs, column };
}
