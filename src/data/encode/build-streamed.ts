/**
 * A data set over a file too large to hold. Its rows are split row by row (SplitAssigner: the
 * same rows a load in memory would pick), so a pass needs no list of rows: one pass tallies the
 * training rows to fit the encoders, and each later pass re-reads the file and encodes the rows
 * of one split as they arrive.
 */
import { UserError } from '../../core/user-error.js';
import { Rebatcher } from './batches.js';
import { type Batch, type ShuffleBuffer } from '../../core/training.js';
import { assembleDataset, featureShapeOf, planDataset, type DatasetPlan } from './build-dataset.js';
import { ColumnTally } from '../table/column-tally.js';
import type { Dataset, EncodeSettings, StreamedSplit } from './dataset.js';
import { fitEncoder, type FeatureEncoder } from './encoders.js';
import { encodeFeatures, encodeTargets } from './encode-rows.js';
import { progressReporter } from '../csv/read-table.js';
import { checkSplit, SplitAssigner } from './split.js';
import { streamedColumns } from '../csv/stream-table.js';
import type { StoredColumn, Table } from '../table/table.js';

export interface StreamOptions {
  readonly progress?: (text: string) => void;
  readonly signal?: AbortSignal;
}

/** A command context's progress line and cancel signal, for a pass over a streamed file. */
export function streamOptions(ctx: StreamOptions): StreamOptions {
  return { ...(ctx.progress ? { progress: ctx.progress } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) };
}

/** Which split each row of a pass goes to: the same assignment on every pass. */
interface SplitPlan {
  readonly settings: EncodeSettings;
  /** Rows per class code when stratified, else the row count. */
  readonly groups: readonly number[];
  /** Stored-column index of the class column (stratified), else -1. */
  readonly classColumn: number;
}

/** Row indices of one batch of columns that go to split `which` (0 train, 1 validation, 2 test). */
function rowsOf(columns: readonly StoredColumn[], assigner: SplitAssigner, plan: SplitPlan, which: number): Uint32Array {
  const n = columns[0]!.data.length;
  const codes = plan.classColumn >= 0 ? (columns[plan.classColumn]!.data as { codes: Uint16Array }).codes : null;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (assigner.next(codes ? codes[i]! : 0) === which) rows.push(i);
  return Uint32Array.from(rows);
}

export async function buildStreamedDataset(table: Table, settings: EncodeSettings, options: StreamOptions = {}): Promise<Dataset<StreamedSplit>> {
  if (settings.window !== undefined) {
    const why = table.streamed!.why;
    const hint = why === 'stream=True' ? 'Leave out stream=True.' : `Load a part of the series that fits: head -n 1000001 ${table.name} > part.csv`;
    throw new UserError(`window= needs the whole series in memory, and ${table.name} is streamed from disk (${why}).`, hint);
  }
  const plan = planDataset(table, settings);
  checkSplit(table.rowCount, settings.split);
  const at = (c: StoredColumn) => table.stored.indexOf(c);
  const classColumn = settings.split.stratify && plan.task !== 'regression' ? at(plan.targetColumns[0]!) : -1;
  const all = table.streamed!.all;
  const labels = classColumn >= 0 ? (table.stored[classColumn]!.data as { labels: string[] }).labels : [];
  const split: SplitPlan = { settings, groups: classColumn >= 0 ? labels.map((_, code) => all[classColumn]!.countOf(code)) : [table.rowCount], classColumn };

  // The pass that fits the encoders: tallies of the training rows only.
  const features = plan.featureColumns.map(at);
  const training = features.map(() => new ColumnTally());
  const trainingClasses = new ColumnTally();
  const assigner = new SplitAssigner(settings.split, split.groups);
  const progress = progressReporter(table.streamed!.source, options, `Reading ${table.name} again for the training statistics`);
  let rows = 0;
  for await (const columns of streamedColumns(table, options.signal)) {
    const train = rowsOf(columns, assigner, split, 0);
    features.forEach((k, f) => training[f]!.add(columns[k]!.data, train));
    if (plan.task !== 'regression') trainingClasses.add(columns[at(plan.targetColumns[0]!)]!.data, train);
    progress((rows += columns[0]!.data.length));
  }
  const encoders = plan.featureColumns.map((c, f) => fitEncoder(c, training[f]!, settings.scale));
  const { width, featureShape } = featureShapeOf(encoders, settings);
  const first = plan.targets[0]!;
  const classCounts = first.kind === 'number' ? null : first.classes.map(() => 0);
  if (classCounts && first.kind !== 'number') first.classOfCode.forEach((k, code) => (classCounts[k]! += trainingClasses.countOf(code)));
  const streamed = (which: 0 | 1 | 2): StreamedSplit => ({
    size: [assigner.sizes.train, assigner.sizes.validation, assigner.sizes.test][which]!,
    classCounts: which === 0 ? classCounts : null,
    batches: (batchSize, shuffle) => encodedBatches(table, plan, encoders, width, split, which, batchSize, shuffle),
  });
  return assembleDataset(table, settings, plan, encoders, featureShape, { train: streamed(0), validation: streamed(1), test: streamed(2) });
}

/** One pass over the file: the rows of split `which`, encoded, in batches. */
async function* encodedBatches(table: Table, plan: DatasetPlan, encoders: readonly FeatureEncoder[], width: number, split: SplitPlan, which: number, batchSize: number, shuffle: ShuffleBuffer | null): AsyncGenerator<Batch> {
  const at = (c: StoredColumn) => table.stored.indexOf(c);
  const features = plan.featureColumns.map(at);
  const targets = plan.targetColumns.map(at);
  const assigner = new SplitAssigner(split.settings.split, split.groups);
  const out = new Rebatcher(width, plan.targets.length, batchSize, shuffle);
  for await (const columns of streamedColumns(table)) {
    const rows = rowsOf(columns, assigner, split, which);
    if (rows.length === 0) continue;
    const x = encodeFeatures(encoders, features.map((k) => columns[k]!), rows, width);
    const y = encodeTargets(plan.targets, targets.map((k) => columns[k]!), rows);
    yield* out.push(x, y, rows.length);
  }
  yield* out.flush();
}
