import { SHUFFLE_BUFFER_ROWS } from '../../core/training.js';
import { delimiterName } from '../../data/csv/sniff.js';
import type { Dataset } from '../../data/encode/dataset.js';
import { UNKNOWN_LABEL, type FeatureEncoder } from '../../data/encode/encoders.js';
import { shortNumber } from './short-number.js';
import { columnStats } from '../../data/table/stats.js';
import { streamedTally } from '../../data/csv/stream-table.js';
import { storedColumn } from '../../data/table/table.js';
import { describeTask, type TargetEncoder } from '../../data/encode/targets.js';

function scaleText(e: FeatureEncoder & { kind: 'number' }): string {
  if (e.scale === 'standard') return `z-score (mean ${shortNumber(e.mean)}, std ${shortNumber(e.std)})`;
  if (e.scale === 'minmax') return `min-max to 0..1 (min ${shortNumber(e.min)}, max ${shortNumber(e.max)})`;
  return 'as is (scale=none)';
}

function encoderText(dataset: Dataset, e: FeatureEncoder): string {
  if (e.kind === 'binary') return `${e.column}: binary, ${e.zero} = 0, ${e.one} = 1`;
  if (e.kind === 'one-hot') {
    const values = e.vocabulary.length === 1 ? '1 value' : `${e.vocabulary.length} values`;
    const unseen = e.unknownSlot ? `${VOCAB_NOTE} of ${e.distinct} + ${UNKNOWN_LABEL}` : ', unseen values → all zeros';
    return `${e.column}: one-hot, ${values}${unseen}`;
  }
  const column = storedColumn(dataset.table, e.column);
  const missing = column ? columnStats(column, streamedTally(dataset.table, e.column) ?? undefined).missing : 0;
  return `${e.column}: ${scaleText(e)}${missing > 0 ? `, ${missing} missing → training mean` : ''}`;
}
const VOCAB_NOTE = ' (the most frequent in training)';

function targetText(t: TargetEncoder): string {
  if (t.kind === 'one-hot') return `${t.column} (target): one-hot classes ${t.classes.join(', ')}`;
  if (t.kind === 'binary') return `${t.column} (target): ${t.classes[0]} = 0, ${t.classes[1]} = 1`;
  return `${t.column} (target): numbers as they are`;
}

/** Every automatic choice of a load, one line each, so nothing happens unseen. */
export function formatChoices(dataset: Dataset): string {
  const table = dataset.table;
  const lines = [`Preprocessing, fitted on the training split:`, ...dataset.encoders.map((e) => `  ${encoderText(dataset, e)}`), ...dataset.targets.map((t) => `  ${targetText(t)}`)];
  if (table.droppedMissingTarget > 0) lines.push(`  dropped ${table.droppedMissingTarget} rows without a target value`);
  if (table.droppedMissing > 0) lines.push(`  dropped ${table.droppedMissing} rows with a missing value (missing=drop)`);
  const s = dataset.settings;
  if (s.window !== undefined) lines.push(`  window=${s.window} horizon=${s.horizon}: sequences of ${s.window} rows, the target ${s.horizon} row${s.horizon === 1 ? '' : 's'} after each`);
  if (s.reshape) lines.push(`  reshape=(${s.reshape.join(', ')}): each row as a ${s.reshape.join('×')} array`);
  const streamed = table.streamed;
  if (streamed) {
    const buffer = SHUFFLE_BUFFER_ROWS.toLocaleString('en-US');
    lines.push(`  streamed from disk (${streamed.why}): fit, evaluate and predict read the file again on every pass; fit shuffles within a buffer of ${buffer} rows`);
  }
  return lines.join('\n');
}

/** `Task: classification (3 classes). Last layer: Dense(3, activation='softmax'), loss: categorical_crossentropy.` */
export function formatTask(dataset: Dataset): string {
  const s = dataset.suggestion;
  return `Task: ${describeTask(dataset.task, dataset.targets)}. Last layer: ${s.lastLayer}, loss: '${s.loss}'.`;
}

/** `Split: train 120, validation 30, test 0 (shuffled with seed=42, stratified).` */
export function formatSplits(dataset: Dataset): string {
  const s = dataset.settings.split;
  const how = dataset.settings.window !== undefined ? 'in time order' : `shuffled with seed=${s.seed}${s.stratify && dataset.task !== 'regression' ? ', stratified' : ''}`;
  const n = (v: number) => v.toLocaleString('en-US');
  return `Split: train ${n(dataset.train.size)}, validation ${n(dataset.validation.size)}, test ${n(dataset.test.size)} (validation=${s.validation} test=${s.test}, ${how}).`;
}

/** `Loaded iris.csv: 150 rows, 5 columns (delimiter ',', header line).` */
export function formatLoaded(dataset: Dataset, csv?: { delimiter: string; hasHeader: boolean }): string {
  const t = dataset.table;
  const rows = `${t.rowCount.toLocaleString('en-US')} rows, ${t.columns.length} columns`;
  const file = csv ? ` (delimiter ${delimiterName(csv.delimiter)}, ${csv.hasHeader ? 'header line' : 'no header line: columns named column_1…'})` : '';
  const about = t.description ? `\n${t.description}` : '';
  return `Loaded ${t.name}: ${rows}${file}.${about}`;
}
