import type { Value } from '../../lang/ast.js';
import { UserError } from '../../core/user-error.js';
import { formatValue } from '../../lang/format-value.js';

/** Which layer and argument a value belongs to, so every message can name both. */
export interface ArgContext {
  readonly layer: string;
  readonly arg: string;
}

/**
 * The standard one-line complaint, Keras style:
 * "Dense: `units` must be an integer. Received: units=2.5".
 */
export function invalidArg(ctx: ArgContext, expected: string, value: Value, hint?: string): UserError {
  return new UserError(`${ctx.layer}: \`${ctx.arg}\` must be ${expected}. Received: ${ctx.arg}=${formatValue(value)}`, hint);
}
