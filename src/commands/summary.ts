import { UserError } from '../core/user-error.js';
import type { SummaryModel } from '../render/summary-types.js';
import type { ModelSession } from '../model/session.js';
import { defineCommand } from './types.js';
import { choice, flag, simple, value } from './options.js';
import { asFlag, asWord, checkArity } from './words.js';
import { formatValue } from '../lang/format-value.js';
import { findLayerSpec } from '../layers/index.js';

/** The session's model as the summary renderer receives it. */
function toSummaryModel(session: ModelSession): SummaryModel {
  const analysis = session.analysis();
  return {
    name: session.state.modelName,
    built: analysis.built,
    rows: analysis.layers.map((l) => ({
      name: l.name,
      className: l.className,
      outputShape: l.outputShape,
      params: l.params,
      trainable: l.trainable,
      built: analysis.built || findLayerSpec(l.className)?.builtAtCreation === true,
      flops: l.flops,
    })),
    trainableParams: analysis.trainableParams,
    nonTrainableParams: analysis.nonTrainableParams,
  };
}

export const summary = defineCommand({
  name: 'summary',
  group: 'Look at the model',
  summary: "Keras 3's model.summary() table; style=keras2 for the classic format.",
  options: simple([], [
    choice('style', ['keras3', 'keras2'], "keras3 (default) or tf.keras 2's classic table."),
    flag('show_trainable', 'Add a Trainable column.'),
    flag('flops', 'Add a line with the multiply-adds per sample (not in Keras).'),
    flag('memory', 'Add lines estimating activation and weight memory (not in Keras).'),
    value('batch_size', '32', 'The batch size the memory estimate is for.'),
    value('line_length', '88', "The table's width, as Keras's model.summary(line_length=100)."),
  ]),
  examples: ['summary', 'model.summary()', 'summary style=keras2', 'summary show_trainable=True flops=True memory=True'],
  run({ session: { model: session, training, engine } }, { args, kwargs }) {
    checkArity('summary', args, 0, this.usage);
    const style = kwargs['style'] === undefined ? 'keras3' : asWord(kwargs['style']);
    if (style !== 'keras3' && style !== 'keras2') {
      throw new UserError(`Unknown summary style: style=${style ?? formatValue(kwargs['style']!)}.`, 'Use style=keras3 (default) or style=keras2.');
    }
    const compiled = training.compile;
    // Keras counts the optimizer's variables once it is built (after a fit, or loaded with its state).
    const optimizerParams = compiled && session.state.layers.length > 0 ? engine.optimizerParams(session.plan(), compiled.optimizer) : null;
    const model = { ...toSummaryModel(session), ...(optimizerParams === null ? {} : { optimizerParams }) };
    if (style === 'keras2' && !model.built) {
      // tf.keras 2 refused to summarize an unbuilt model; say so before rendering.
      throw new UserError('This model has not yet been built, and style=keras2 cannot summarize it.', 'Add an Input first, e.g. Input(shape=(784,)).');
    }
    const batch = kwargs['batch_size'] ?? 32;
    if (typeof batch !== 'number' || !Number.isInteger(batch) || batch < 1) {
      throw new UserError(`Expected a positive integer. Received: batch_size=${formatValue(batch)}`);
    }
    const lineLength = kwargs['line_length'];
    if (lineLength !== undefined && lineLength !== null && (typeof lineLength !== 'number' || !Number.isInteger(lineLength) || lineLength < 20)) {
      throw new UserError(`Expected an integer of at least 20. Received: line_length=${formatValue(lineLength)}`);
    }
    return [
      {
        kind: 'summary',
        model,
        options: {
          style,
          showTrainable: asFlag(kwargs['show_trainable'], 'show_trainable'),
          flops: asFlag(kwargs['flops'], 'flops'),
          memory: asFlag(kwargs['memory'], 'memory'),
          batchSize: batch,
          ...(typeof lineLength === 'number' ? { lineLength } : {}),
        },
      },
    ];
  },
});
