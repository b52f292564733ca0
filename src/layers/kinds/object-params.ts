import type { Value } from '../../lang/ast.js';
import { invalidArg, type ArgContext } from './errors.js';
import { didYouMean } from '../../core/suggest.js';
import type { ObjectParam } from './keras-objects.js';
import { formatPythonString } from '../../core/python.js';
import { sequenceItems } from './values.js';

/** Validate one config value of an initializer/regularizer/constraint against its declaration. */
export function normalizeParam(ctx: ArgContext, p: ObjectParam, v: Value): Value {
  if (v === null) {
    if (p.nullable) return null;
    throw invalidArg(ctx, describe(p), v);
  }
  switch (p.kind) {
    case 'float':
    case 'number':
      return checkMin(ctx, p, requireNumber(ctx, p, v));
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw invalidArg(ctx, 'an integer', v);
      return v;
    case 'choice':
      return normalizeObjectChoice(ctx, p, v);
    case 'axes':
      return normalizeAxes(ctx, v);
  }
}

function describe(p: ObjectParam): string {
  if (p.kind === 'choice') return `one of ${(p.choices ?? []).map(formatPythonString).join(', ')}`;
  if (p.kind === 'int') return 'an integer';
  if (p.kind === 'axes') return 'an integer or a list of integers';
  return p.min ? `a float ${p.min.inclusive ? '>=' : '>'} ${p.min.value}` : 'a float';
}

function requireNumber(ctx: ArgContext, p: ObjectParam, v: Value): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidArg(ctx, describe(p), v);
  return v;
}

function checkMin(ctx: ArgContext, p: ObjectParam, n: number): number {
  if (p.min && (n < p.min.value || (!p.min.inclusive && n === p.min.value))) throw invalidArg(ctx, describe(p), n);
  return n;
}

function normalizeObjectChoice(ctx: ArgContext, p: ObjectParam, v: Value): Value {
  const choices = p.choices ?? [];
  if (typeof v === 'string') {
    const lowered = v.toLowerCase();
    const found = p.synonyms?.[lowered] ?? (choices.includes(lowered) ? lowered : undefined);
    if (found !== undefined) return found;
    throw invalidArg(ctx, describe(p), v, didYouMean(v, choices).trim() || undefined);
  }
  throw invalidArg(ctx, describe(p), v);
}

/** Constraint `axis` and initializer `input_axes`: an int or a list of ints (Keras keeps lists). */
function normalizeAxes(ctx: ArgContext, v: Value): Value {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const items = sequenceItems(v);
  if (items && items.every((i) => typeof i === 'number' && Number.isInteger(i))) return [...items];
  throw invalidArg(ctx, 'an integer or a list of integers', v);
}
