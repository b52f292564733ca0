import { tuple } from '../arg-builders.js';
import type { Value } from '../../lang/ast.js';
import type { ArgSpec } from '../types.js';
import { invalidArg, type ArgContext } from './errors.js';
import { formatValue } from '../../lang/format-value.js';
import { sequenceItems } from './values.js';
import { MAX_SHAPE_RANK } from '../../core/shape.js';
import { UserError } from '../../core/user-error.js';

/**
 * 'shape': a tuple or list of ints and Nones, normalized to a Tuple. Which ints make sense
 * (positive, -1, 1-based axes) is the layer's business, so only the form is checked here.
 */
export function normalizeShape(ctx: ArgContext, v: Value): Value {
  const items = sequenceItems(v);
  if (items === undefined) {
    const hint = typeof v === 'number' ? `Write a tuple: ${ctx.arg}=(${v},)` : `e.g. ${ctx.arg}=(28, 28, 1)`;
    throw invalidArg(ctx, 'a tuple of integers', v, hint);
  }
  if (items.length > MAX_SHAPE_RANK) {
    throw new UserError(
      `${ctx.layer}: \`${ctx.arg}\` has ${items.length} dimensions; at most ${MAX_SHAPE_RANK} are supported (TensorFlow's limit).`,
      `Reshape the data to fewer axes, e.g. ${ctx.arg}=(28, 28, 1).`,
    );
  }
  items.forEach((item) => {
    if (item !== null && !(typeof item === 'number' && Number.isInteger(item))) {
      throw invalidArg(ctx, 'a tuple of integers or None', v, `${formatValue(item)} is not an integer`);
    }
  });
  return tuple(...items);
}

/**
 * 'int_tuple': an int or `rank` positive ints, normalized to a Tuple of `rank` ints, as Keras's
 * `standardize_tuple` does (`kernel_size=3` -> `(3, 3)`).
 */
export function normalizeIntTuple(ctx: ArgContext, spec: ArgSpec, v: Value): Value {
  const rank = spec.rank ?? 1;
  const expected = `an integer or a tuple of ${rank} integers`;
  const items = typeof v === 'number' ? Array.from({ length: rank }, () => v) : sequenceItems(v);
  if (items === undefined || items.length !== rank) {
    throw invalidArg(ctx, expected, v, `e.g. ${ctx.arg}=${rank === 1 ? 3 : `(${Array(rank).fill(3).join(', ')})`}`);
  }
  for (const item of items) {
    if (typeof item !== 'number' || !Number.isInteger(item)) throw invalidArg(ctx, expected, v);
    if (item <= 0) throw invalidArg(ctx, 'made of integers > 0', v);
  }
  return tuple(...items);
}
