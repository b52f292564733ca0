import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { insertLayer } from '../model/edits.js';
import { describeLayerAt } from './describe.js';
import { resolveLayerOnly } from './layer-call.js';
import { defineCommand } from './types.js';
import { layerCall, position, simple } from './options.js';
import { asCall, checkArity } from './words.js';
import { formatValue } from '../lang/format-value.js';

export const insert = defineCommand({
  name: 'insert',
  group: 'Edit the model',
  summary: 'Insert a layer so that it becomes layer N (1-based, as `layers` numbers them).',
  options: simple([position('N', 1), layerCall()]),
  examples: ['insert 2 Dropout(0.5)', 'insert 1 Reshape((28, 28, 1))'],
  run({ session: { model } }, { args }) {
    checkArity('insert', args, 2, this.usage);
    const at = args[0];
    const count = model.state.layers.length;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 1 || at > count + 1) {
      throw new UserError(`insert needs a position from 1 to ${count + 1}; got ${at === undefined ? 'nothing' : formatValue(at)}.`, `Usage: ${this.usage}`);
    }
    const layer = resolveLayerOnly(asCall(args[1], 'insert'), 'insert');
    model.edit((s) => insertLayer(s, at - 1, layer));
    return [message(`Inserted ${describeLayerAt(model, at - 1)}`)];
  },
});
