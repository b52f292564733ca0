/** How predictions read: class names with probabilities, or the predicted numbers. */
import type { Dataset } from '../data/encode/dataset.js';
import { pyFixed } from '../core/python.js';
import { table, type TableBlock, type TableColumn } from './blocks.js';

/** Class probabilities of one output row (a single sigmoid unit is P(second class)). */
export function probabilities(values: Float32Array, row: number, units: number): number[] {
  const out = Array.from(values.subarray(row * units, (row + 1) * units));
  return units === 1 ? [1 - out[0]!, out[0]!] : out;
}

export function argmax(p: readonly number[]): number {
  return p.reduce((best, v, i) => (v > p[best]! ? i : best), 0);
}

/** `Predicted: versicolor (0.9123)` followed by every class's probability. */
export function formatClassPrediction(p: readonly number[], classNames: readonly string[]): string {
  const k = argmax(p);
  const width = Math.max(...classNames.map((n) => n.length));
  return [`Predicted: ${classNames[k]} (${pyFixed(p[k]!, 4)})`, ...classNames.map((n, i) => `  ${n.padEnd(width)}  ${pyFixed(p[i] ?? 0, 4)}`)].join('\n');
}

/** `Predicted price: 123.4567` (one line per target). */
export function formatValuePrediction(values: Float32Array, row: number, units: number, dataset: Dataset): string {
  const names = dataset.targets.map((t) => t.column);
  return Array.from(values.subarray(row * units, (row + 1) * units), (v, i) => `Predicted ${names[i] ?? `output ${i}`}: ${pyFixed(v, 4)}`).join('\n');
}

/** A table of many predictions: one row each, class and probabilities (or values). */
export function predictionTable(values: Float32Array, rows: number, units: number, dataset: Dataset, limit = 20): TableBlock {
  const classes = dataset.classNames;
  const number = (header: string): TableColumn => ({ header, align: 'right', kind: 'number' });
  const columns: TableColumn[] = classes ? [number('row'), { header: 'predicted' }, ...classes.map((c) => number(`p(${c})`))] : [number('row'), ...dataset.targets.map((t) => number(t.column))];
  const body = Array.from({ length: Math.min(rows, limit) }, (_, r) => {
    if (!classes) return [String(r + 1), ...Array.from(values.subarray(r * units, (r + 1) * units), (v) => pyFixed(v, 4))];
    const p = probabilities(values, r, units);
    return [String(r + 1), classes[argmax(p)]!, ...p.map((v) => pyFixed(v, 4))];
  });
  const more = rows > limit ? [`… and ${rows - limit} more rows`] : [];
  return table({ style: 'plain', columns, rows: body, notes: more });
}
