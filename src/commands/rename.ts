import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { renameLayer } from '../model/edits.js';
import { isModelName } from '../model/naming.js';
import { defineCommand } from './types.js';
import { freeArg, layerRef, simple } from './options.js';
import { asLayerRef, asWord, checkArity } from './words.js';

export const rename = defineCommand({
  name: 'rename',
  group: 'Edit the model',
  summary: 'Rename layer N (or by name); `rename model NAME` renames the model.',
  options: simple([layerRef(), freeArg('NEW_NAME')]),
  examples: ['rename 1 hidden', 'rename dense_1 output', 'rename model mnist_cnn'],
  run({ session: { model } }, { args }) {
    checkArity('rename', args, 2, this.usage);
    const target = asLayerRef(args[0], 'rename');
    const name = asWord(args[1]);
    if (name === undefined) throw new UserError('rename needs a new name.', `Usage: ${this.usage}`);
    if (target === 'model' && !model.state.layers.some((l) => l.name === 'model')) {
      if (!isModelName(name)) throw new UserError(`Invalid model name: '${name}'.`, 'Use letters, digits and underscores.');
      model.edit((s) => ({ ...s, modelName: name }));
      return [message(`Model renamed to "${name}".`)];
    }
    const at = model.layerIndex(target);
    const old = model.state.layers[at]!.name;
    model.edit((s) => renameLayer(s, at, name));
    return [message(`Renamed ${old} to ${name}.`)];
  },
});
