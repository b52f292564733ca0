/**
 * Classification results as text: a confusion matrix (rows: true class, columns: predicted) and
 * a per-class report laid out exactly as scikit-learn's classification_report, which Keras users
 * know. Pure: class indices in, text out.
 */
import { pyFixed } from '../core/python.js';
import { table, type TableBlock } from './blocks.js';
import { renderTable } from './table.js';

/** counts[true][predicted] */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) counts[truth[i]!]![predicted[i]!]!++;
  return counts;
}

/** The matrix as a table: true classes down, predicted across, every count column as wide as the widest. */
export function confusionTable(counts: readonly (readonly number[])[], names: readonly string[], title?: string): TableBlock {
  return table({
    style: 'plain',
    ...(title !== undefined ? { title: [title] } : {}),
    columns: [{ header: 'true \\ predicted' }, ...names.map((n) => ({ header: n, align: 'right' as const, kind: 'number' as const, shareWidth: true }))],
    rows: counts.map((row, i) => [names[i]!, ...row.map(String)]),
  });
}

export function formatConfusionMatrix(counts: readonly (readonly number[])[], names: readonly string[]): string {
  return renderTable(confusionTable(counts, names), Infinity);
}

interface ClassScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** Per-class precision, recall and F1 (0 where undefined, as scikit-learn's zero_division default). */
export function classScores(counts: readonly (readonly number[])[]): ClassScores[] {
  return counts.map((row, k) => {
    const tp = row[k]!;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = counts.reduce((a, r) => a + r[k]!, 0);
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support };
  });
}

/** scikit-learn's classification_report(digits=2) text. */
export function formatClassReport(counts: readonly (readonly number[])[], names: readonly string[], digits = 2): string {
  const scores = classScores(counts);
  const total = scores.reduce((a, s) => a + s.support, 0);
  const correct = counts.reduce((a, row, k) => a + row[k]!, 0);
  const width = Math.max(...names.map((n) => n.length), 'weighted avg'.length, digits);
  const num = (v: number) => pyFixed(v, digits).padStart(9);
  const line = (name: string, cells: readonly string[]) => `${name.padStart(width)} ${cells.map((c) => ` ${c}`).join('')}`;
  const mean = (pick: (s: ClassScores) => number, weighted: boolean) =>
    scores.reduce((a, s) => a + pick(s) * (weighted ? s.support : 1), 0) / (weighted ? total || 1 : scores.length);
  const avg = (name: string, weighted: boolean) =>
    line(name, [num(mean((s) => s.precision, weighted)), num(mean((s) => s.recall, weighted)), num(mean((s) => s.f1, weighted)), String(total).padStart(9)]);
  return [
    line('', ['precision', 'recall', 'f1-score', 'support'].map((h) => h.padStart(9))),
    '',
    ...scores.map((s, k) => line(names[k]!, [num(s.precision), num(s.recall), num(s.f1), String(s.support).padStart(9)])),
    '',
    line('accuracy', [' '.repeat(9), ' '.repeat(9), num(total > 0 ? correct / total : 0), String(total).padStart(9)]),
    avg('macro avg', false),
    avg('weighted avg', true),
  ].join('\n');
}
