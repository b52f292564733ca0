import type { Call } from '../lang/ast.js';
import { resolveLayerCall } from '../layers/index.js';
import { UserError } from '../core/user-error.js';
import { message, warning, type Block } from '../render/blocks.js';
import { modelInputShape } from '../model/analyze.js';
import { setInput } from '../model/edits.js';
import type { Dataset } from '../data/encode/dataset.js';
import { formatChoices, formatLoaded, formatSplits, formatTask } from '../render/data/choices.js';
import { typesTable } from '../render/data/schema.js';
import { describeBuiltins } from '../data/builtin/index.js';
import { DEFAULT_SPLIT, loadData, type Loaded } from '../data/load.js';
import { parseLoadRequest } from '../data/load-request.js';
import { dataInputText, inputMismatch, outputMismatch } from '../data/encode/model-fit.js';
import { defineCommand, type CommandContext } from './types.js';
import { choice, flag, freeArg, pathArg, value, wordArg } from './options.js';
import { loadModel } from './load-model.js';
import { loadKerasModel, loadWeightsFile } from './keras-files.js';
import { asWord } from './words.js';
import { commandPath } from '../session-file/base-dir.js';

const tupleText = (dims: readonly number[]) => `(${dims.join(', ')}${dims.length === 1 ? ',' : ''})`;

/**
 * After data arrives: give the model its Input when it has none (an undoable edit), or say how
 * the model and the data disagree, input and output.
 */
export function fitModelToData(ctx: CommandContext, dataset: Dataset): Block[] {
  const out: Block[] = [];
  const input = modelInputShape(ctx.session.model.state);
  if (input === null) {
    const shape = tupleText(dataset.featureShape);
    const call: Call = { kind: 'call', name: 'Input', args: [], kwargs: { shape: { kind: 'tuple', items: dataset.featureShape } }, column: 0 };
    try {
      const { args, name } = resolveLayerCall(call);
      ctx.session.model.edit((s) => setInput(s, { args, name }));
      out.push(message(`Model input set from the data: Input(shape=${shape}).`));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.push(warning(`The data gives input ${dataInputText(dataset)}, but the model cannot take it: ${err.message}`));
    }
    return [...out, ...modelDataMismatch(ctx, dataset)];
  }
  return modelDataMismatch(ctx, dataset);
}

/** How the model and the data disagree, input and output (nothing when they agree). */
export function modelDataMismatch(ctx: CommandContext, dataset: Dataset): Block[] {
  const out: Block[] = [];
  const input = modelInputShape(ctx.session.model.state);
  const inputProblem = input === null ? null : inputMismatch(input, dataset);
  if (inputProblem) out.push(warning(`${inputProblem} Type keras.Input(shape=${tupleText(dataset.featureShape)}) to change the Input, or load with reshape=/window=.`));
  const last = ctx.session.model.analysis().layers.at(-1)?.outputShape;
  if (last && !Array.isArray(last[0])) {
    const problem = outputMismatch(last as readonly (number | null)[], dataset);
    if (problem) out.push(warning(problem));
  }
  return out;
}

/** The text shown after a load (also after `column … type=`): what was read and every choice. */
export function describeLoaded(loaded: Loaded): Block {
  const d = loaded.dataset;
  const after = [''];
  if (loaded.defaultTarget) after.push(`No target= given: predicting '${loaded.defaultTarget}'${d.table.description ? '' : ' (the last column)'}.`);
  after.push(formatTask(d), formatChoices(d), formatSplits(d));
  const reshape = d.table.suggestedReshape;
  if (reshape && !d.settings.reshape) after.push(`For Conv2D, load with reshape=${tupleText(reshape)}.`);
  return typesTable(d.table, { title: [formatLoaded(d, loaded.csv), ''], notes: after });
}

export const load = defineCommand({
  name: 'load',
  group: 'Data',
  summary: 'Load a CSV file or a builtin data set; shows types, preprocessing and the split.',
  options: {
    forms: [
      {
        positional: [pathArg('PATH.csv')],
        keywords: [
          value('target', 'COLUMN', 'The column(s) to predict (default: the last one).'),
          value('types', '"col:category,…"', 'Column types the sniffing got wrong.'),
          choice('scale', ['standard', 'minmax', 'none'], 'How numeric features are scaled.'),
          choice('missing', ['fill', 'drop'], 'Fill missing values with the training mean, or drop the rows.'),
          value('task', '…', 'classification or regression (default: from the target).', { values: ['classification', 'regression'] }),
          value('validation', String(DEFAULT_SPLIT.validation), 'The fraction of rows held out for validation.'),
          value('test', String(DEFAULT_SPLIT.test), 'The fraction of rows held out for evaluate.'),
          value('seed', String(DEFAULT_SPLIT.seed), 'The seed of the split (and of builtin data).'),
          flag('stratify', 'Keep the class proportions in every split.'),
          value('reshape', '(8, 8, 1)', 'The shape of one row as the model takes it.'),
          value('window', '20', 'Make series windows of this many steps.'),
          value('horizon', '1', 'Predict this many steps after each window.', { joined: true }),
          flag('stream', 'Read the file again on every pass instead of holding it.'),
          flag('numeric', 'Read every numeric feature as a number, integer codes too (reshape= and window= imply it).'),
          value('na_values', '"oops,#N/A"', 'Cell texts read as missing, besides blanks, NA, NaN, ? and -.'),
          flag('header', 'Whether the first line names the columns (default: sniffed).', { hidden: true }),
          value('delimiter', "','", "The field separator: ',' ';' '|' or tab (default: sniffed).", { hidden: true }),
        ],
      },
      { positional: [freeArg('builtin:NAME')], keywords: [value('n', '…', 'How many rows to draw.'), value('noise', '…', 'How much noise to add.')] },
      { positional: [wordArg(['model']), pathArg('FILE.keras|DIR')] },
      { positional: [wordArg(['weights']), pathArg('FILE.weights.h5')] },
    ],
  },
  examples: ['load data/iris.csv target=species', 'load builtin:iris', 'load builtin:circle n=500 noise=0.1', 'load houses.csv target=price types="zip:category,notes:ignore"', 'load builtin:digits reshape=(8, 8, 1)', 'load big.csv target=y stream=True', 'load model models/iris.keras', 'load weights models/iris.weights.h5', 'load model models/iris'],
  details: () => {
    const sets = describeBuiltins();
    const width = Math.max(...sets.map((s) => s.name.length)) + 'builtin:'.length;
    return [
      'Builtin data sets (no file needed; n= and noise= where a range is shown):',
      ...sets.map((s) => `  ${`builtin:${s.name}`.padEnd(width)}  ${s.summary}; ${s.rows} rows.`),
      '',
      'A CSV file too large for the free memory is streamed: fit, evaluate and predict read it again on every pass, with the same split and preprocessing. stream=True streams any file; stream=False holds it or refuses.',
    ].join('\n');
  },
  async run(ctx, { args, kwargs }) {
    // `load model DIR` (two words; a data file is one): see load-model.ts.
    if (args.length === 2 && asWord(args[0]) === 'model' && Object.keys(kwargs).length === 0) {
      const file = asWord(args[1]);
      return file?.endsWith('.keras') ? loadKerasModel(ctx, file) : loadModel(ctx, args[1]);
    }
    if (args.length === 2 && asWord(args[0]) === 'weights' && Object.keys(kwargs).length === 0) return loadWeightsFile(ctx, args[1]);
    // A replayed session file's paths are its own: relative to its directory.
    const request = { ...parseLoadRequest(args, kwargs), ...(ctx.baseDir !== undefined ? { baseDir: ctx.baseDir } : {}) };
    if (!request.spec.startsWith('builtin:')) commandPath(ctx, request.spec);
    const loaded = await loadData(request, ctx.progress, ctx.signal);
    // The data and the Input it gives the model are one undo step: undo takes the load back.
    return ctx.session.oneStep(() => {
      ctx.session.setData(loaded);
      return [describeLoaded(loaded), ...fitModelToData(ctx, loaded.dataset)];
    });
  },
});
