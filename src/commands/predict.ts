import { readFileSync, statSync } from 'node:fs';
import { isIdent, isList, type Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { message, text, type Block } from '../render/blocks.js';
import { confusionMatrix, confusionTable, formatClassReport } from '../render/confusion.js';
import { pyFixed } from '../core/python.js';
import { isStream } from '../core/training.js';
import type { DataSplit, Dataset } from '../data/encode/dataset.js';
import { parseCsvText } from '../data/csv/records.js';
import { encodeRows } from '../train/encode-row.js';
import { engineStep } from '../train/engine-call.js';
import { heldOutSplit, requireDataset } from '../train/eval-data.js';
import { changeNote } from '../render/fit-report.js';
import { modelIO } from '../train/model-io.js';
import { checkInput } from '../train/prepare.js';
import { argmax, formatClassPrediction, formatValuePrediction, predictionTable, probabilities } from '../render/predict.js';
import { type CommandContext, defineCommand } from './types.js';
import { freeArg, pathArg, wordArg } from './options.js';
import { fileError } from '../fs/file-errors.js';
import { commandPath } from '../session-file/base-dir.js';

type Source = { kind: 'test' } | { kind: 'row'; values: readonly Value[] } | { kind: 'csv'; path: string };

function source(args: readonly Value[]): Source {
  const first = args[0];
  if (first === undefined) throw new UserError('predict needs a row, test, or a CSV path.', 'Example: predict 5.1,3.5,1.4,0.2');
  const word = typeof first === 'string' ? first : isIdent(first) ? first.name : null;
  if (args.length === 1 && word === 'test') return { kind: 'test' };
  if (args.length === 1 && word !== null && /\.(csv|tsv|txt)$/i.test(word)) return { kind: 'csv', path: word };
  if (args.length === 1 && isList(first)) return { kind: 'row', values: first };
  return { kind: 'row', values: args };
}

function readCsvRows(path: string, dataset: Dataset, delimiter: string): Value[][] {
  let body: string;
  try {
    if (statSync(path).isDirectory()) throw new UserError(`${path} is a directory, not a CSV file.`);
    body = readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError(err, path, 'read');
  }
  const [header = [], ...rows] = parseCsvText(path, body, delimiter).map((r) => r.map((cell) => cell.trim()));
  const records = rows.map((r) => Object.fromEntries(header.map((name, j) => [name, r[j] ?? ''])) as Record<string, string>);
  const missing = dataset.encoders.map((e) => e.column).filter((c) => records.length > 0 && !(c in records[0]!));
  if (missing.length > 0) throw new UserError(`${path} lacks the feature column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`, 'It needs the columns the model was trained on (the target may be left out).');
  return records.map((r) => dataset.encoders.map((e) => r[e.column] ?? null));
}

async function run(ctx: CommandContext, dataset: Dataset, x: Float32Array, rows: number) {
  const api = ctx.session.engine;
  return engineStep(() => api.predict(ctx.session.model.plan(), x, rows, dataset.featureShape, ctx.session.training.random));
}

/** Rows of a streamed split predicted per engine call. */
const STREAM_CHUNK = 1024;

/** The held-out split in chunks: itself when in memory, batches read from the file when streamed. */
async function* chunks(split: DataSplit): AsyncGenerator<{ x: Float32Array; y: Float32Array; size: number }> {
  if (isStream(split)) yield* split.batches(STREAM_CHUNK, null);
  else yield split;
}

async function onHeldOut(ctx: CommandContext, dataset: Dataset): Promise<Block[]> {
  const held = heldOutSplit(dataset);
  const classes = dataset.classNames;
  const width = dataset.targetShape.reduce((a, b) => a * b, 1);
  let counts: number[][] | null = null;
  let abs = 0;
  let shown: { values: Float32Array; size: number; units: number } | null = null;
  let change: Parameters<typeof changeNote>[0] | null = null;
  for await (const chunk of chunks(held.split)) {
    const out = await run(ctx, dataset, chunk.x, chunk.size);
    change ??= out.change;
    if (!classes) {
      for (let i = 0; i < chunk.size * width; i++) abs += Math.abs(out.values[i]! - chunk.y[i]!);
      shown ??= { values: out.values, size: chunk.size, units: out.units };
      continue;
    }
    const predicted = Int32Array.from({ length: chunk.size }, (_, r) => argmax(probabilities(out.values, r, out.units)));
    const part = confusionMatrix(chunk.y, predicted, classes.length); // y: the class indices
    counts = counts ? counts.map((row, i) => row.map((n, j) => n + part[i]![j]!)) : part;
  }
  const head = message(`Predictions on the ${held.name} split (${held.split.size.toLocaleString('en-US')} rows):`);
  const note = change ? changeNote(change) : null;
  const blocks: Block[] = [...(note ? [note] : []), head];
  if (!classes) {
    blocks.push(predictionTable(shown!.values, shown!.size, shown!.units, dataset, 10), message(`Mean absolute error: ${pyFixed(abs / (held.split.size * width), 4)}`));
    return blocks;
  }
  blocks.push(confusionTable(counts!, classes, 'Confusion matrix (rows: true class, columns: predicted)'), text(formatClassReport(counts!, classes)));
  return blocks;
}

export const predict = defineCommand({
  name: 'predict',
  group: 'Train the model',
  summary: 'Predict one row, the test split (with a confusion matrix), or a CSV file; class names and probabilities.',
  options: { forms: [{ positional: [freeArg('VALUE,VALUE,…')] }, { positional: [freeArg('[VALUE, …]')] }, { positional: [wordArg(['test'])] }, { positional: [pathArg('PATH.csv')] }] },
  examples: ['predict 5.1,3.5,1.4,0.2', 'predict [5.1, 3.5, 1.4, 0.2]', 'predict test', 'predict new_rows.csv'],
  async run(ctx, { args }) {
    const dataset = requireDataset(ctx.session, 'predict');
    checkInput(dataset, modelIO(ctx.session.model));
    const src = source(args);
    if (src.kind === 'test') return onHeldOut(ctx, dataset);
    const rows = src.kind === 'row' ? [src.values] : readCsvRows(ctx.baseDir === undefined ? src.path : commandPath(ctx, src.path), dataset, ctx.session.data?.csv?.delimiter ?? ',');
    const out = await run(ctx, dataset, encodeRows(dataset, rows), rows.length);
    const note = changeNote(out.change);
    const blocks: Block[] = note ? [note] : [];
    if (src.kind === 'csv') return [...blocks, message(`Predictions for ${rows.length.toLocaleString('en-US')} rows of ${src.path}:`), predictionTable(out.values, rows.length, out.units, dataset)];
    const body = dataset.classNames ? formatClassPrediction(probabilities(out.values, 0, out.units), dataset.classNames) : formatValuePrediction(out.values, 0, out.units, dataset);
    return [...blocks, text(body)];
  },
});
