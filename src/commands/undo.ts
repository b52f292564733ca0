import { message } from '../render/blocks.js';
import { defineCommand } from './types.js';
import { simple } from './options.js';
import { checkArity } from './words.js';

export const undo = defineCommand({
  name: 'undo',
  group: 'Edit the model',
  summary: 'Undo the last change to the model.',
  options: simple(),
  examples: ['undo'],
  run({ session }, { args, kwargs }) {
    checkArity('undo', args, 0, this.usage);
    return [message(session.undo() ? `Undone. ${session.state.layers.length} layers.` : 'Nothing to undo.')];
  },
});

export const redo = defineCommand({
  name: 'redo',
  group: 'Edit the model',
  summary: 'Redo the change that undo took back.',
  options: simple(),
  examples: ['redo'],
  run({ session }, { args, kwargs }) {
    checkArity('redo', args, 0, this.usage);
    return [message(session.redo() ? `Redone. ${session.state.layers.length} layers.` : 'Nothing to redo.')];
  },
});

export const clear = defineCommand({
  name: 'clear',
  aliases: ['reset'],
  group: 'Edit the model',
  summary: 'Start over with an empty model (undo brings it back).',
  options: simple(),
  examples: ['clear'],
  run({ session }, { args, kwargs }) {
    checkArity('clear', args, 0, this.usage);
    session.clear();
    return [message('Cleared the model.')];
  },
});
