import { UserError } from '../core/user-error.js';
import { sessionCompile } from '../train/compile-session.js';
import { engineStep } from '../train/engine-call.js';
import { fitBlocks } from '../render/fit-report.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, parseFitOptions } from '../train/fit-options.js';
import { prepareFit } from '../train/fit-request.js';
import { modelIO } from '../train/model-io.js';
import { defineCommand } from './types.js';
import { flag, simple, value } from './options.js';

export const fit = defineCommand({
  name: 'fit',
  group: 'Train the model',
  summary: 'Train the model on the loaded data (Keras fit); a later fit continues from the current weights.',
  options: simple([], [
    value('epochs', String(DEFAULT_EPOCHS), 'Passes over the training data.'),
    value('batch_size', String(DEFAULT_BATCH_SIZE), 'Rows per gradient step.'),
    value('validation_split', '0.0', 'Hold out this fraction of the training rows (when the data has no validation split).'),
    flag('shuffle', 'Shuffle the training rows before each epoch.'),
    value('class_weight', '[…]|balanced', 'A weight per class, or balanced.'),
    value('early_stopping', 'PATIENCE', "Stop after this many epochs without a better val_loss (Keras's EarlyStopping(patience=…))."),
    value('verbose', '0|1|2', '0 silent, 1 live progress, 2 one line per epoch.'),
  ]),
  examples: ['fit epochs=20 batch_size=32', 'fit epochs=50 early_stopping=5', 'fit epochs=10 validation_split=0.2 verbose=2', 'fit epochs=20 class_weight=balanced'],
  async run(ctx, { args, kwargs }) {
    const options = parseFitOptions(args, kwargs);
    const loaded = ctx.session.data;
    if (!loaded) throw new UserError('No data to fit on yet.', 'Load some first: load builtin:iris, or load PATH.csv target=COLUMN.');
    const io = modelIO(ctx.session.model);
    if (ctx.session.model.analysis().trainableParams === 0) {
      throw new UserError(
        "The model has no trainable weights, so fit would change nothing (Keras trains nothing and warns 'The model does not have any trainable weights.').",
        'Make a layer trainable (set N trainable=True), or score the model as it is with evaluate.',
      );
    }
    const compiled = sessionCompile(ctx.session);
    const data = prepareFit(loaded.dataset, compiled.config, io, options);
    const state = ctx.session.training;
    const firstEpoch = state.history.length;
    const hooks = ctx.training ? { onEvent: options.verbose === 0 ? () => {} : ctx.training.onEvent.bind(ctx.training), setControl: ctx.training.setControl.bind(ctx.training) } : null;
    const api = ctx.session.engine;
    const outcome = await engineStep(() =>
      api.fit({
        plan: ctx.session.model.plan(),
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
});
