import { UserError } from '../core/user-error.js';
import { dataSessionOf } from '../data/data-session.js';
import { sessionCompile } from '../train/compile-session.js';
import { engineStep, trainingEngine } from '../train/engine-call.js';
import { fitBlocks } from '../train/fit-report.js';
import { parseFitOptions } from '../train/fit-options.js';
import { prepareFit } from '../train/fit-request.js';
import { modelIO } from '../train/model-io.js';
import { trainStateOf } from '../train/state.js';
import type { CommandDef } from './types.js';

export const fit: CommandDef = {
  name: 'fit',
  group: 'Train the model',
  summary: 'Train the model on the loaded data (Keras fit); a later fit continues from the current weights.',
  usage: 'fit [epochs=1] [batch_size=32] [validation_split=0.0] [shuffle=True] [class_weight=[…]|balanced] [early_stopping=PATIENCE] [verbose=0|1|2]',
  examples: ['fit epochs=20 batch_size=32', 'fit epochs=50 early_stopping=5', 'fit epochs=10 validation_split=0.2 verbose=2', 'fit epochs=20 class_weight=balanced'],
  async run(ctx, { args, kwargs }) {
    const options = parseFitOptions(args, kwargs);
    const loaded = dataSessionOf(ctx).loaded;
    if (!loaded) throw new UserError('No data to fit on yet.', 'Load some first: load builtin:iris, or load PATH.csv target=COLUMN.');
    const io = modelIO(ctx.session);
    const compiled = sessionCompile(ctx);
    const data = prepareFit(loaded.dataset, compiled.config, io, options);
    const state = trainStateOf(ctx);
    const firstEpoch = state.history.length;
    const hooks = ctx.training ? { onEvent: options.verbose === 0 ? () => {} : ctx.training.onEvent.bind(ctx.training), setControl: ctx.training.setControl.bind(ctx.training) } : null;
    const api = await trainingEngine(ctx);
    const outcome = await engineStep(() =>
      api.fit({
        key: ctx.session,
        plan: ctx.session.plan(),
        compile: data.compile,
        train: data.train,
        validation: data.validation,
        epochs: options.epochs,
        batchSize: options.batchSize,
        shuffle: options.shuffle,
        classWeight: data.classWeight,
        patience: options.patience,
        firstEpoch,
        random: state.random,
        hooks,
      }),
    );
    state.fits += 1;
    const ownValidation = loaded.dataset.validation.size > 0;
    state.lastFit = { batchSize: options.batchSize, shuffle: options.shuffle, validationSplit: ownValidation ? null : options.validationSplit, classWeight: data.classWeight, patience: options.patience };
    for (const e of outcome.epochs) state.history.push({ epoch: e.epoch, fit: state.fits, logs: e.logs });
    return [...compiled.blocks, ...data.notes, ...fitBlocks(outcome, options, firstEpoch)];
  },
};
