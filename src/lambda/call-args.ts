import type { LambdaExpr } from './ast.js';
import { readConst } from './consts.js';
import { findLambdaFunction } from './function-table.js';
import type { ConstValue } from './functions.js';
import { UserError } from '../core/user-error.js';

/** A call node as the parser produces it. */
export type CallExpr = Extract<LambdaExpr, { kind: 'call' }>;

function paramOf(call: CallExpr, name: string) {
  const param = findLambdaFunction(call.name)?.params.find((p) => p.name === name);
  if (param === undefined) throw new UserError(`Lambda function ${call.name}() has no argument '${name}'`);
  return param;
}

/** The expression given for a tensor parameter. */
export function tensorArg(call: CallExpr, name: string): LambdaExpr {
  const given = call.args[name];
  if (given !== undefined) return given;
  const fallback = paramOf(call, name).default;
  if (typeof fallback === 'number') return { kind: 'number', value: fallback };
  throw new UserError(`Lambda function ${call.name}() is missing its argument '${name}'`);
}

/** The tensor expressions of a list parameter (concatenate/stack). */
export function tensorsArg(call: CallExpr, name: string): readonly LambdaExpr[] {
  const given = tensorArg(call, name);
  return given.kind === 'list' || given.kind === 'tuple' ? given.items : [given];
}

/** A constant argument, or the parameter's default when it was not given. */
export function constArg(call: CallExpr, name: string): ConstValue {
  const given = call.args[name];
  const value = given === undefined ? paramOf(call, name).default : readConst(given);
  if (value === undefined) throw new UserError(`Lambda function ${call.name}() needs a constant for '${name}'`);
  return value;
}

/** An int argument. */
export function intArg(call: CallExpr, name: string): number {
  return constArg(call, name) as number;
}

/** An int, tuple of ints or None argument, as a list of ints or null. */
export function intsArg(call: CallExpr, name: string): readonly number[] | null {
  const v = constArg(call, name);
  return typeof v === 'number' ? [v] : (v as readonly number[] | null);
}

/** A bool argument. */
export function boolArg(call: CallExpr, name: string): boolean {
  return constArg(call, name) === true;
}
