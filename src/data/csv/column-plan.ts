import { UserError } from '../../core/user-error.js';
import { didYouMean } from '../../core/suggest.js';
import { own } from '../../core/own.js';
import { typeLabel, type ColumnType } from '../table/column-types.js';
import { parseNumber } from '../table/missing.js';
import { inferType, type ColumnSample } from './infer.js';
import type { ColumnInfo } from '../table/table.js';

/** `task=` as the user may force it. */
export type TaskChoice = 'classification' | 'regression';

/** A column name the user typed, checked against the file's header. */
export function checkColumnName(name: string, header: readonly string[], what: string): void {
  if (header.includes(name)) return;
  throw new UserError(`${what} '${name}' is not a column.${didYouMean(name, header)}`, `Columns: ${header.join(', ')}.`);
}

function targetType(name: string, inferred: ColumnType, sample: ColumnSample, task: TaskChoice | undefined): ColumnType {
  if (task === 'classification' && inferred === 'number') return sample.integer === sample.present ? 'integer-category' : 'category';
  if (task === 'regression' && inferred !== 'number') {
    if (sample.numeric !== sample.present) {
      const text = [...sample.distinct.keys()].find((k) => Number.isNaN(parseNumber(k))) ?? '';
      throw new UserError(`target '${name}' holds text ('${text}'); task=regression needs numbers.`, 'Leave out task= to classify it.');
    }
    return 'number';
  }
  if (inferred === 'ignore') return sample.numeric === sample.present ? 'number' : 'category';
  return inferred;
}

/**
 * Every column's type and role: inferred from the sample, then the user's `types=` on top.
 * A target is never ignored (an all-unique target is still what the user asked to predict).
 */
export function planColumns(
  header: readonly string[],
  samples: readonly ColumnSample[],
  targets: readonly string[],
  overrides: Readonly<Record<string, ColumnType>>,
  task: TaskChoice | undefined,
): ColumnInfo[] {
  return header.map((name, j) => {
    const isTarget = targets.includes(name);
    const sample = samples[j]!;
    const given = own(overrides, name);
    if (isTarget && given === 'ignore') throw new UserError(`target '${name}' cannot be ignored.`, 'Choose another target= or another type.');
    let inferred = inferType(name, sample, isTarget);
    if (isTarget) inferred = { ...inferred, type: targetType(name, inferred.type, sample, task) };
    const type = given ?? inferred.type;
    const why = given ? `set to ${typeLabel(given)}` : inferred.why;
    const role = isTarget ? 'target' : type === 'ignore' ? 'ignored' : 'feature';
    return { name, type, why, role };
  });
}
