import { UserError } from '../core/user-error.js';
import { message } from '../render/blocks.js';
import { formatCompile } from '../train/compile-config.js';
import { buildCompile } from '../train/compile-session.js';
import { defineCommand } from './types.js';
import { simple, value } from './options.js';

export const compile = defineCommand({
  name: 'compile',
  group: 'Train the model',
  summary: 'Choose the optimizer, loss and metrics (Keras names); what is left out is inferred from the data and shown.',
  options: simple([], [
    value('optimizer', 'rmsprop|adam|sgd|adagrad|Adam(learning_rate=1e-3)', 'An optimizer name or call (default rmsprop).'),
    value('loss', 'categorical_crossentropy|mse|…', 'A Keras loss name (default: chosen from the data).'),
    value('metrics', '[accuracy]', 'A list of metric names.'),
  ]),
  examples: ['compile', 'compile optimizer=adam loss=categorical_crossentropy metrics=[accuracy]', 'compile optimizer=Adam(learning_rate=1e-3)', 'compile optimizer=SGD(learning_rate=0.01, momentum=0.9, nesterov=True) loss=mse metrics=[mae]'],
  run(ctx, { args, kwargs }) {
    if (args.length > 3) throw new UserError(`compile takes at most 3 positional arguments (optimizer, loss, metrics); received ${args.length}.`, `Usage: ${this.usage}`);
    // Keras's positional order: compile(optimizer, loss, ...) — metrics is keyword-only there; accepted here.
    const [optimizer, loss, metrics] = args;
    const given = {
      ...(optimizer !== undefined ? { optimizer } : {}),
      ...(loss !== undefined ? { loss } : {}),
      ...(metrics !== undefined ? { metrics } : {}),
      ...kwargs,
    };
    const { config, note } = buildCompile(ctx.session, given);
    ctx.session.training.compile = config;
    return [message(formatCompile(config)), ...(note ? [message(note)] : [])];
  },
});
