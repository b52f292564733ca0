import type { Value } from '../../lang/ast.js';
import type { ArgSpec } from '../types.js';
import { invalidArg, type ArgContext } from './errors.js';
import { didYouMean } from '../../core/suggest.js';
import { formatPythonString } from '../../core/python.js';

/** Validators for the plain kinds: int, float, bool, str, choice, expression. */

export function normalizeInt(ctx: ArgContext, v: Value): Value {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw invalidArg(ctx, 'an integer', v, `Write a whole number, e.g. ${ctx.arg}=${suggestInt(v)}`);
  }
  return v;
}

function suggestInt(v: Value): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(1, Math.round(v)) : 1;
}

export function normalizeFloat(ctx: ArgContext, v: Value): Value {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw invalidArg(ctx, 'a float', v, `Write a number, e.g. ${ctx.arg}=0.5`);
  }
  return v;
}

export function normalizeBool(ctx: ArgContext, v: Value): Value {
  if (typeof v !== 'boolean') throw invalidArg(ctx, 'True or False', v);
  return v;
}

export function normalizeStr(ctx: ArgContext, v: Value): Value {
  if (typeof v !== 'string') throw invalidArg(ctx, 'a string', v, `Quote it: ${ctx.arg}='...'`);
  return v;
}

/** One of `spec.choices`; Keras lower-cases `padding` and `data_format`, so we do too. */
export function normalizeChoice(ctx: ArgContext, spec: ArgSpec, v: Value): Value {
  const choices = spec.choices ?? [];
  const options = choices.map(formatPythonString).join(', ');
  if (typeof v !== 'string') throw invalidArg(ctx, `one of ${options}`, v);
  const lowered = v.toLowerCase();
  if (choices.includes(lowered)) return lowered;
  throw invalidArg(ctx, `one of ${options}`, v, didYouMean(v, choices).trim() || undefined);
}
