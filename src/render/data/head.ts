import type { Dataset } from '../../data/encode/dataset.js';
import { encodeFeatures, encodeTargets } from '../../data/encode/encode-rows.js';
import { encoderWidth } from '../../data/encode/encoders.js';
import { oneHot } from '../../data/encode/targets.js';
import { table as tableBlock, type TableBlock } from '../blocks.js';
import { storedColumn, type StoredColumn } from '../../data/table/table.js';

/** Encoded values shown per row before `…`. */
const SHOWN_VALUES = 6;

function values(v: Float32Array, from: number, count: number): string {
  const shown = Array.from(v.subarray(from, from + Math.min(count, SHOWN_VALUES)), (x) => (Number.isInteger(x) ? String(x) : x.toFixed(2)));
  return shown.join(', ') + (count > SHOWN_VALUES ? ', …' : '');
}

/**
 * `data head N`: the first rows as the file has them beside what the model receives (x, then y),
 * encoded with the encoders fitted on the training split.
 */
export function headTable(dataset: Dataset, count: number): TableBlock {
  const table = dataset.table;
  const n = Math.min(count, table.head.length);
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  const featureColumns = dataset.encoders.map((e) => storedColumn(table, e.column)!);
  const targetColumns = dataset.targets.map((t) => storedColumn(table, t.column)) as StoredColumn[];
  const width = dataset.encoders.reduce((w, e) => w + encoderWidth(e), 0);
  const x = encodeFeatures(dataset.encoders, featureColumns, rows, width);
  const first = dataset.targets[0]!;
  const stored = encodeTargets(dataset.targets, targetColumns, rows);
  const y = first.kind === 'one-hot' ? oneHot(stored, first.classes.length) : stored;
  const yWidth = dataset.targetShape[0]!;
  const body = Array.from({ length: n }, (_, i) => [String(i + 1), table.head[i]!.join(', '), values(x, i * width, width), values(y, i * yWidth, yWidth)]);
  const raw = `raw (${table.columns.map((c) => c.name).join(', ')})`;
  return tableBlock({ style: 'rule', columns: [{ header: 'row', kind: 'number' }, { header: raw, maxWidth: 40 }, { header: `x (${width} values)` }, { header: 'y' }], rows: body });
}
