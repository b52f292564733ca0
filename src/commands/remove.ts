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
  run({ session }, { args, kwargs }) {
    checkArity('remove', args, 1, this.usage);
    const ref = args.length === 0 ? session.state.layers.length : asLayerRef(args[0], 'remove');
    const at = session.layerIndex(ref);
    const gone = session.state.layers[at]!;
    session.edit((s) => removeLayer(s, at));
    return [message(`Removed ${at + 1} ${gone.name} (${gone.className}); ${session.state.layers.length} layers left.`)];
  },
});
