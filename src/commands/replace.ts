import { message } from '../render/blocks.js';
import { replaceLayer } from '../model/edits.js';
import { describeLayerAt } from './describe.js';
import { resolveLayerOnly } from './layer-call.js';
import { defineCommand } from './types.js';
import { layerCall, layerRef, simple } from './options.js';
import { asCall, asLayerRef, checkArity } from './words.js';

export const replace = defineCommand({
  name: 'replace',
  group: 'Edit the model',
  summary: 'Replace layer N (or by name) with a new layer.',
  options: simple([layerRef(), layerCall()]),
  examples: ['replace 2 Dense(128, activation=\'relu\')', 'replace dropout Dropout(0.3)'],
  run({ session: { model } }, { args }) {
    checkArity('replace', args, 2, this.usage);
    const at = model.layerIndex(asLayerRef(args[0], 'replace'));
    const layer = resolveLayerOnly(asCall(args[1], 'replace'), 'replace');
    const old = model.state.layers[at]!;
    model.edit((s) => replaceLayer(s, at, layer));
    return [message(`Replaced ${old.name} (${old.className}) with ${describeLayerAt(model, at)}`)];
  },
});
