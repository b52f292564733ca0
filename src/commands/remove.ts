import { message } from '../render/blocks.js';
import { removeLayer } from '../model/edits.js';
import { defineCommand } from './types.js';
import { layerRef, simple } from './options.js';
import { asLayerRef, checkArity } from './words.js';

export const remove = defineCommand({
  name: 'remove',
  aliases: ['rm', 'delete', 'del', 'pop'],
  group: 'Edit the model',
  summary: 'Remove layer N (or by name); `pop` without N removes the last layer, as model.pop().',
  options: simple([layerRef()]),
  examples: ['remove 2', 'remove dropout', 'pop'],
  run({ session: { model } }, { args }) {
    checkArity('remove', args, 1, this.usage);
    const ref = args.length === 0 ? model.state.layers.length : asLayerRef(args[0], 'remove');
    const at = model.layerIndex(ref);
    const gone = model.state.layers[at]!;
    model.edit((s) => removeLayer(s, at));
    return [message(`Removed ${at + 1} ${gone.name} (${gone.className}); ${model.state.layers.length} layers left.`)];
  },
});
