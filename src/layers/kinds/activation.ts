import { isCall, isIdent, type Value } from '../../lang/ast.js';
import { UserError } from '../../core/user-error.js';
import { invalidArg, type ArgContext } from './errors.js';
import { didYouMean } from '../../core/suggest.js';
import { formatPythonString } from '../../core/python.js';
import { lastSegment } from './values.js';

/** Keras 3's activation names (keras/src/activations/__init__.py), as get_config() shows them. */
export const ACTIVATIONS: readonly string[] = [
  'relu', 'leaky_relu', 'relu6', 'softmax', 'celu', 'elu', 'selu', 'softplus', 'softsign',
  'squareplus', 'soft_shrink', 'sparse_plus', 'silu', 'gelu', 'glu', 'tanh', 'tanh_shrink',
  'threshold', 'sigmoid', 'sparse_sigmoid', 'exponential', 'hard_sigmoid', 'hard_silu',
  'hard_tanh', 'hard_shrink', 'linear', 'mish', 'log_softmax', 'log_sigmoid', 'sparsemax',
];

/** Keras's extra names; the config shows the function's own name (`swish` -> `'silu'`). */
const ALIASES: Readonly<Record<string, string>> = { swish: 'silu', hard_swish: 'hard_silu' };

const ALL_NAMES = [...ACTIVATIONS, ...Object.keys(ALIASES)];

/** Module paths a Keras user may write before an activation name. */
const MODULES = ['activations', 'keras.activations', 'tf.keras.activations'];

/**
 * An activation given as `'relu'`, `relu`, `activations.relu` or None (which Keras shows as
 * `'linear'`), normalized to the name get_config() prints.
 */
export function normalizeActivation(ctx: ArgContext, v: Value): Value {
  if (v === null) return 'linear';
  if (isCall(v)) {
    throw invalidArg(ctx, 'an activation name', v, `Pass the function itself without calling it, e.g. ${ctx.arg}='relu'`);
  }
  const raw = typeof v === 'string' ? v : isIdent(v) ? identName(ctx, v.name) : undefined;
  if (raw === undefined) throw invalidArg(ctx, "an activation name such as 'relu'", v);
  const found = ACTIVATIONS.includes(raw) ? raw : ALIASES[raw];
  if (found !== undefined) return found;
  throw new UserError(
    `Unknown activation ${formatPythonString(raw)} for ${ctx.layer}.${didYouMean(raw, ALL_NAMES)}`,
    `Keras activations: ${ACTIVATIONS.join(', ')}`,
  );
}

function identName(ctx: ArgContext, dotted: string): string {
  const dot = dotted.lastIndexOf('.');
  if (dot >= 0 && !MODULES.includes(dotted.slice(0, dot))) {
    throw new UserError(
      `${ctx.layer}: \`${ctx.arg}\` must be a Keras activation. Received: ${ctx.arg}=${dotted}`,
      `Use keras.activations, e.g. ${ctx.arg}='${lastSegment(dotted)}'`,
    );
  }
  return lastSegment(dotted);
}
