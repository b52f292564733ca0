import type { Value } from '../../lang/ast.js';
import type { ArgKind, ArgSpec } from '../types.js';
import { normalizeActivation } from './activation.js';
import { CONSTRAINT_FAMILY } from './constraints.js';
import { normalizeDtype } from './dtype.js';
import { invalidArg, type ArgContext } from './errors.js';
import { INITIALIZER_FAMILY } from './initializers.js';
import { normalizeKerasObject, type ObjectFamily } from './keras-objects.js';
import { REGULARIZER_FAMILY } from './regularizers.js';
import { normalizeBool, normalizeChoice, normalizeFloat, normalizeInt, normalizeStr } from './scalars.js';
import { normalizeIntTuple, normalizeShape } from './shapes.js';
export { didYouMean } from '../../core/suggest.js';
export { ACTIVATIONS } from './activation.js';
export { KERAS_DTYPES } from './dtype.js';

/** The object families behind the initializer/regularizer/constraint kinds. */
export const OBJECT_FAMILIES: Readonly<Partial<Record<ArgKind, ObjectFamily>>> = {
  initializer: INITIALIZER_FAMILY,
  regularizer: REGULARIZER_FAMILY,
  constraint: CONSTRAINT_FAMILY,
};

/**
 * Validate one argument value against its declaration and return the normalized form (the one
 * Keras's get_config() shows). Throws UserError naming `layer`, the argument and the value.
 */
export function normalizeArgValue(layer: string, spec: ArgSpec, value: Value): Value {
  const ctx: ArgContext = { layer, arg: spec.name };
  if (value === null) return normalizeNone(ctx, spec);
  switch (spec.kind) {
    case 'int':
      return normalizeInt(ctx, value);
    case 'float':
      return normalizeFloat(ctx, value);
    case 'bool':
      return normalizeBool(ctx, value);
    case 'str':
    case 'expression':
      return normalizeStr(ctx, value);
    case 'choice':
      return normalizeChoice(ctx, spec, value);
    case 'dtype':
      return normalizeDtype(ctx, value);
    case 'shape':
      return normalizeShape(ctx, value);
    case 'int_tuple':
      return normalizeIntTuple(ctx, spec, value);
    case 'activation':
      return normalizeActivation(ctx, value);
    case 'initializer':
    case 'regularizer':
    case 'constraint':
      return normalizeKerasObject(OBJECT_FAMILIES[spec.kind]!, ctx, value);
    case 'any':
      return value;
  }
}

/**
 * None: kept when the argument is nullable or None is its Keras default (seed, noise_shape, a
 * regularizer); otherwise the kinds where Keras itself turns None
 * into a value (activation -> 'linear', dtype -> floatx, data_format -> 'channels_last'), and
 * bool, where None acts as Python's falsy None does (`sparse=None` is False).
 */
function normalizeNone(ctx: ArgContext, spec: ArgSpec): Value {
  if (spec.nullable || spec.kind === 'any' || (!spec.required && spec.default === null)) return null;
  if (spec.kind === 'activation') return 'linear';
  if (spec.kind === 'dtype') return 'float32';
  if (spec.kind === 'choice') return spec.default;
  if (spec.kind === 'bool') return false;
  const needs: Partial<Record<ArgKind, string>> = {
    int: 'an integer', float: 'a float', bool: 'True or False', initializer: 'an initializer',
  };
  throw invalidArg(ctx, needs[spec.kind] ?? `a value of kind ${spec.kind}`, null);
}
