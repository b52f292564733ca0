import { isCall, isList } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { message, type Block } from '../render/blocks.js';
import { insertLayer, setInput } from '../model/edits.js';
import { EMPTY_STATE, type ModelState } from '../model/state.js';
import { resolveCall } from './layer-call.js';
import type { CommandContext, CommandInput } from './types.js';
import { formatValue } from '../lang/format-value.js';

/** `model = keras.Sequential([...], name='mnist')`: a fresh model, built in one undoable step. */
export function newSequential({ session: { model } }: CommandContext, { args, kwargs }: CommandInput): readonly Block[] {
  const list = args[0] ?? kwargs['layers'] ?? null;
  const name = kwargs['name'] ?? args[1] ?? 'sequential';
  for (const key of Object.keys(kwargs)) {
    if (key !== 'layers' && key !== 'name' && key !== 'trainable') throw new UserError(`Unknown argument '${key}' for Sequential.`, 'Sequential takes layers= and name=.');
  }
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UserError(`Invalid model name: name=${formatValue(name ?? null)}.`);
  if (list !== null && !isList(list)) throw new UserError('Sequential takes a list of layers: keras.Sequential([Dense(8), Dense(1)]).');
  model.edit(() => {
    let state: ModelState = { ...EMPTY_STATE, modelName: name };
    for (const item of list ?? []) {
      if (!isCall(item)) throw new UserError('Every item of the Sequential list must be a layer call such as Dense(8).');
      const resolved = resolveCall(item);
      state = resolved.kind === 'input' ? setInput(state, resolved.input) : insertLayer(state, state.layers.length, resolved.layer);
    }
    return state;
  });
  const count = model.state.layers.length;
  return [message(`New model "${name}" with ${count} layer${count === 1 ? '' : 's'}.`)];
}
