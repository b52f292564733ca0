import type { Call, Value } from '../lang/ast.js';
import { resolveLayerCall } from '../layers/index.js';
import { UserError } from '../core/user-error.js';
import type { NewLayer } from '../model/edits.js';
import type { InputEntry } from '../model/state.js';

const INPUT_CLASS = 'InputLayer';

/** A resolved call: either the model's Input or a layer to place. */
type ResolvedCall = { readonly kind: 'input'; readonly input: InputEntry } | { readonly kind: 'layer'; readonly layer: NewLayer };

export function resolveCall(call: Call): ResolvedCall {
  const { spec, args, name } = resolveLayerCall(call);
  if (spec.className === INPUT_CLASS) return { kind: 'input', input: { args, name } };
  const given: Record<string, Value> = {};
  call.args.forEach((v, i) => (given[spec.positional[i]!] = v));
  for (const [key, value] of Object.entries(call.kwargs)) if (key !== 'name') given[key] = value;
  return { kind: 'layer', layer: { spec, args, name, given } };
}

/** For insert/replace, where an Input makes no sense. */
export function resolveLayerOnly(call: Call, command: string): NewLayer {
  const resolved = resolveCall(call);
  if (resolved.kind === 'input') {
    throw new UserError(`${command} takes a layer, not an Input.`, 'Set the input with Input(shape=...) on its own line.');
  }
  return resolved.layer;
}
