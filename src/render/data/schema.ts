import { typeLabel } from '../../data/table/column-types.js';
import type { Dataset } from '../../data/encode/dataset.js';
import { shortNumber } from './short-number.js';
import { table as tableBlock, type TableBlock, type TableColumn } from '../blocks.js';
import { columnStats, type ColumnStats } from '../../data/table/stats.js';
import { streamedTally } from '../../data/csv/stream-table.js';
import { storedColumn, type Table } from '../../data/table/table.js';

/** Column types as inferred, printed right after a load, with `title` and `notes` around them. */
export function typesTable(table: Table, around: { title?: readonly string[]; notes?: readonly string[] } = {}): TableBlock {
  const rows = table.columns.map((c) => [c.name, typeLabel(c.type), c.role, c.why]);
  const note = table.sampleSize < table.rowCount ? [`Types inferred from the first ${table.sampleSize.toLocaleString('en-US')} rows.`] : [];
  const warnings = table.columns.flatMap((c) => (c.warning ? [c.warning] : []));
  return tableBlock({
    style: 'rule',
    ...(around.title ? { title: around.title } : {}),
    columns: ['column', 'type', 'role', 'why'].map((header) => ({ header })),
    rows,
    notes: ['Change a type with: column NAME type=category (or types="NAME:category" on load).', ...note, ...warnings, ...(around.notes ?? [])],
  });
}

function summaryText(stats: ColumnStats, isTarget: boolean, rows: number): string {
  if (stats.mean !== undefined) return `min ${shortNumber(stats.min!)}, mean ${shortNumber(stats.mean)}, max ${shortNumber(stats.max!)}`;
  if (!stats.counts) return '';
  if (isTarget) return stats.counts.map((c) => `${c.label} ${((100 * c.count) / rows).toFixed(1)}%`).join(', ');
  const top = stats.counts.slice(0, 3).map((c) => `${c.label} (${c.count})`);
  const more = stats.counts.length > 3 ? `, … ${stats.counts.length} values` : '';
  return top.join(', ') + more;
}

const SCHEMA_COLUMNS: readonly TableColumn[] = [{ header: 'column' }, { header: 'type' }, { header: 'role' }, { header: 'missing', kind: 'number' }, { header: 'summary' }];

/** The schema table of `data`: type, role, missing values, and a summary per column. */
export function schemaTable(dataset: Dataset, around: { title?: readonly string[]; notes?: readonly string[]; only?: readonly number[] } = {}): TableBlock {
  const table = dataset.table;
  const rows = table.columns.map((c) => {
    const stored = storedColumn(table, c.name);
    if (!stored) return [c.name, typeLabel(c.type), c.role, '-', c.why];
    const stats = columnStats(stored, streamedTally(table, c.name) ?? undefined);
    return [c.name, typeLabel(c.type), c.role, String(stats.missing), summaryText(stats, c.role === 'target', table.rowCount)];
  });
  return tableBlock({ style: 'rule', ...around, columns: SCHEMA_COLUMNS, rows });
}
