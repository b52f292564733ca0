import { formatArgValue, findLayerSpec } from '../layers/index.js';
import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { setLayerArgs } from '../model/edits.js';
import { describeLayerAt } from './describe.js';
import { defineCommand } from './types.js';
import { layerRef } from './options.js';
import { asLayerRef, checkArity } from './words.js';
import { formatValue } from '../lang/format-value.js';

export const set = defineCommand({
  name: 'set',
  group: 'Edit the model',
  summary: 'Change arguments of layer N (or by name), keeping the others.',
  options: { forms: [{ positional: [layerRef()], open: 'layer', rest: 'arg=value ...' }] },
  examples: ['set 2 units=128', "set conv2d activation='tanh' padding='same'", 'set dense name=hidden'],
  run({ session: { model } }, { args, kwargs }) {
    checkArity('set', args, 1, this.usage);
    const at = model.layerIndex(asLayerRef(args[0], 'set'));
    if (Object.keys(kwargs).length === 0) throw new UserError('set needs at least one arg=value.', `Example: set ${at + 1} units=128`);
    model.edit((s) => setLayerArgs(s, at, { ...kwargs }));
    const layer = model.state.layers[at]!;
    const spec = findLayerSpec(layer.className)!;
    const changes = Object.keys(kwargs)
      .map((k) => {
        const argSpec = spec.args.find((a) => a.name === k);
        return argSpec ? `${k}=${formatArgValue(argSpec, layer.args[k] ?? null)}` : `${k}=${formatValue(kwargs[k] ?? null)}`;
      })
      .join(', ');
    return [message(`Set ${changes} on ${describeLayerAt(model, at)}`)];
  },
});
