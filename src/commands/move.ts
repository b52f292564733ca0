import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { moveLayer } from '../model/edits.js';
import { defineCommand } from './types.js';
import { layerRef, position, simple } from './options.js';
import { asLayerRef, checkArity } from './words.js';

export const move = defineCommand({
  name: 'move',
  aliases: ['mv'],
  group: 'Edit the model',
  summary: 'Move layer N (or by name) so that it becomes layer M.',
  options: simple([layerRef(), position('M')]),
  examples: ['move 3 1', 'move dropout 2'],
  run({ session: { model } }, { args }) {
    checkArity('move', args, 2, this.usage);
    const from = model.layerIndex(asLayerRef(args[0], 'move'));
    const to = args[1];
    const count = model.state.layers.length;
    if (typeof to !== 'number' || !Number.isInteger(to) || to < 1 || to > count) {
      throw new UserError(`move needs a target position from 1 to ${count}; got ${String(to ?? 'nothing')}.`, `Usage: ${this.usage}`);
    }
    const name = model.state.layers[from]!.name;
    model.edit((s) => moveLayer(s, from, to - 1));
    return [message(`Moved ${name} to position ${to}.`)];
  },
});
