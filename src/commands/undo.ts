import { message } from '../render/blocks.js';
import type { KlayersSession } from '../session/klayers-session.js';
import { defineCommand } from './types.js';
import { simple } from './options.js';

/**
 * What undo/redo did, or null when there was nothing to do: the layer count, and the data set
 * when the step was a load (or a re-split), which undo takes back too.
 */
function undoneText(session: KlayersSession, verb: string, step: () => boolean): string | null {
  const data = session.data;
  if (!step()) return null;
  const layers = `${session.model.state.layers.length} layers.`;
  if (session.data === data) return `${verb}. ${layers}`;
  const now = session.data ? `data is ${session.data.dataset.name} again` : 'no data loaded';
  return `${verb}: ${now}; ${layers}`;
}
import { checkArity } from './words.js';

export const undo = defineCommand({
  name: 'undo',
  group: 'Edit the model',
  summary: 'Undo the last change to the model.',
  options: simple(),
  examples: ['undo'],
  run({ session }, { args }) {
    checkArity('undo', args, 0, this.usage);
    return [message(undoneText(session, 'Undone', () => session.model.undo()) ?? 'Nothing to undo.')];
  },
});

export const redo = defineCommand({
  name: 'redo',
  group: 'Edit the model',
  summary: 'Redo the change that undo took back.',
  options: simple(),
  examples: ['redo'],
  run({ session }, { args }) {
    checkArity('redo', args, 0, this.usage);
    return [message(undoneText(session, 'Redone', () => session.model.redo()) ?? 'Nothing to redo.')];
  },
});

export const clear = defineCommand({
  name: 'clear',
  aliases: ['reset'],
  group: 'Edit the model',
  summary: 'Start over with an empty model (undo brings it back).',
  options: simple(),
  examples: ['clear'],
  run({ session }, { args }) {
    checkArity('clear', args, 0, this.usage);
    session.model.clear();
    return [message('Cleared the model.')];
  },
});
