import { message } from '../render/blocks.js';
import { insertLayer, setInput } from '../model/edits.js';
import { describeInput, describeLayerAt } from './describe.js';
import { resolveCall } from './layer-call.js';
import { defineCommand } from './types.js';
import { layerCall, simple } from './options.js';
import { asCall, checkArity } from './words.js';

export const add = defineCommand({
  name: 'add',
  group: 'Build the model',
  summary: 'Append a layer to the model (model.add(...) and a bare Dense(...) line do the same).',
  options: simple([layerCall()]),
  examples: ["add Dense(64, activation='relu')", "add Conv2D(32, (3, 3), activation='relu')", 'model.add(layers.Flatten())'],
  run({ session: { model } }, { args }) {
    checkArity('add', args, 1, this.usage);
    const resolved = resolveCall(asCall(args[0], 'add'));
    if (resolved.kind === 'input') {
      model.edit((s) => setInput(s, resolved.input));
      return [message(describeInput(model))];
    }
    model.edit((s) => insertLayer(s, s.layers.length, resolved.layer));
    return [message(`Added ${describeLayerAt(model, model.state.layers.length - 1)}`)];
  },
});
