import { isCall, isIdent, type Call, type Value } from '../lang/ast.js';
import { formatValue } from '../lang/index.js';
import { UserError } from '../core/user-error.js';

/** A bare word or string argument (`remove dense_1`, `style=keras2`). */
export function asWord(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== undefined && isIdent(v)) return v.name;
  return undefined;
}

/** A layer position or name as `layers` shows them (numbers stay numbers). */
export function asLayerRef(v: Value | undefined, command: string): number | string {
  if (typeof v === 'number') return v;
  const word = asWord(v);
  if (word !== undefined) return word;
  throw new UserError(`${command} needs a layer position or name${v === undefined ? '' : `. Received: ${formatValue(v)}`}.`, `Example: ${command} 2`);
}

/** A layer call argument (`add Dense(8)`). */
export function asCall(v: Value | undefined, command: string): Call {
  if (v !== undefined && isCall(v)) return v;
  const got = v === undefined ? 'nothing' : formatValue(v);
  throw new UserError(`${command} needs a layer call such as Dense(64); got ${got}.`, `Example: ${command} Dense(64, activation='relu')`);
}

/** True/False option (`show_trainable=True`). */
export function asFlag(v: Value | undefined, name: string): boolean {
  if (v === undefined) return false;
  if (typeof v === 'boolean') return v;
  throw new UserError(`Expected True or False. Received: ${name}=${formatValue(v)}`);
}

/** "Did you mean 'fit'? Type help for the list." when a command or layer is close (suggestName); else just the list. */
export function unknownNameHint(suggestion: string | undefined): string {
  return suggestion === undefined ? 'Type help for the list.' : `Did you mean '${suggestion}'? Type help for the list.`;
}

/** Refuses more positional arguments than a command takes. */
export function checkArity(command: string, args: readonly Value[], max: number, usage: string): void {
  if (args.length > max) throw new UserError(`${command} takes at most ${max} argument${max === 1 ? '' : 's'}; got ${args.length}.`, `Usage: ${usage}`);
}
