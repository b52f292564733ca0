import { formatValue } from '../lang/index.js';
import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { ParamStore } from '../session-file/params.js';
import { defineCommand, type CommandContext } from './types.js';

function storeOf(ctx: CommandContext): ParamStore {
  return ctx.session.params;
}

/**
 * `param epochs=20`: a session parameter, as papermill's: a default the session declares, that
 * `klayers replay FILE -p epochs=5` overrides, used as `$epochs` in later lines.
 */
export const param = defineCommand({
  name: 'param',
  group: 'Engine',
  summary: 'Declare a session parameter with its default (param epochs=20); later lines use it as $epochs; replay -p epochs=5 overrides it.',
  options: { forms: [{ positional: [], open: 'any', rest: '[NAME=VALUE …]' }] },
  examples: ['param epochs=20 units=64', 'fit epochs=$epochs', 'Dense($units, activation=\'relu\')', 'param'],
  run(ctx, { args, kwargs }) {
    const store = storeOf(ctx);
    if (args.length > 0) {
      throw new UserError(`param takes NAME=VALUE pairs; got ${formatValue(args[0]!)}.`, 'Example: param epochs=20 (then fit epochs=$epochs).');
    }
    const entries = Object.entries(kwargs);
    if (entries.length === 0) {
      const names = store.names();
      if (names.length === 0) return [message('No parameters declared. Declare one with param epochs=20, then write $epochs where it goes.')];
      return [message(names.map((n) => `${n} = ${formatValue(store.value(n)!)}`).join('\n'))];
    }
    const lines = entries.map(([name, value]) => {
      const effect = store.declare(name, value);
      return effect.overridden ? `${name} = ${formatValue(effect.value)} (given with -p; the session's default is ${formatValue(value)})` : `${name} = ${formatValue(value)}`;
    });
    return [message(lines.join('\n'))];
  },
});
