import { UserError } from '../core/user-error.js';
import { saveModel } from './save-model.js';
import { saveSession } from './save-session.js';
import { saveKerasModel, saveWeightsFile } from './keras-files.js';
import { defineCommand } from './types.js';
import { pathArg, simple, wordArg } from './options.js';
import { asWord, checkArity } from './words.js';

export const save = defineCommand({
  name: 'save',
  group: 'Engine',
  summary: 'save model FILE.keras writes Keras 3\'s own file; save model DIR writes model.json + weights.bin (tfjs Layers format); save weights FILE.weights.h5; save session NAME writes a session file.',
  options: simple([{ ...wordArg(['model', 'weights', 'session']), takes: { kind: 'path' } }, pathArg('FILE.keras|DIR|FILE.weights.h5|NAME')]),
  examples: [
    'save model models/iris.keras',
    '# keras.saving.load_model("models/iris.keras") opens it: layers, weights, compile and optimizer state',
    'save weights models/iris.weights.h5',
    'save model models/iris',
    '# the files load with tf.loadLayersModel in any tfjs when the layers are standard ones;',
    "# Lambda, causal/dilated/channels_first convs and klayers-only activations need klayers's classes registered",
    'save session iris',
  ],
  async run(ctx, input) {
    const what = asWord(input.args[0]);
    // --- save model DIR ---
    if (what === 'model') {
      checkArity('save model', input.args, 2, this.usage);
      const target = asWord(input.args[1]);
      if (target?.endsWith('.keras')) return saveKerasModel(ctx, target);
      return saveModel(ctx, input.args[1]);
    }
    if (what === 'weights') {
      checkArity('save weights', input.args, 2, this.usage);
      return saveWeightsFile(ctx, input.args[1]);
    }
    // --- save session NAME: see src/commands/save-session.ts ---
    if (what === 'session') return saveSession(ctx, { args: input.args.slice(1), kwargs: input.kwargs });
    throw new UserError(`save takes 'model', 'weights' or 'session'${what ? `; got '${what}'` : ''}.`, 'Example: save model models/iris.keras, save weights models/iris.weights.h5, or save session iris.');
  },
});
