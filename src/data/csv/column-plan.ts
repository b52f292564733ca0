import { UserError } from '../../core/user-error.js';
import { didYouMean } from '../../core/suggest.js';
import { own } from '../../core/own.js';
import { typeLabel, type ColumnType } from '../table/column-types.js';
import { parseNumber } from '../table/missing.js';
import { inferType, MAX_INTEGER_CODES, type ColumnSample } from './infer.js';
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

/** What makes every feature a number: `numeric=True`, or a `reshape=`/`window=` (a reshape of one-hot columns makes no sense). */
export interface NumericFeatures {
  /** The option that asked for it, named in the why column: `numeric=True`, `reshape=(8, 8, 1)`. */
  readonly by: string;
}

/** A table of at least this many integer features, a quarter of them with many levels, is read as one block of numbers (pixels). */
const BLOCK_COLUMNS = 16;

/**
 * Every column's type and role: inferred from the sample, then the user's `types=` on top.
 * A target is never ignored (an all-unique target is still what the user asked to predict).
 * `placeOf(row)` names a sample row in messages: `data.csv:4` and, for the why column, `line 4`.
 */
export function planColumns(
  header: readonly string[],
  samples: readonly ColumnSample[],
  targets: readonly string[],
  overrides: Readonly<Record<string, ColumnType>>,
  task: TaskChoice | undefined,
  options: { readonly numeric?: NumericFeatures; readonly placeOf?: (row: number) => { readonly at: string; readonly short: string } } = {},
): ColumnInfo[] {
  const inferred = header.map((name, j) => inferType(name, samples[j]!, targets.includes(name)));
  const block = integerBlock(header, samples, targets, inferred);
  return header.map((name, j) => {
    const isTarget = targets.includes(name);
    const sample = samples[j]!;
    const given = own(overrides, name);
    if (isTarget && given === 'ignore') throw new UserError(`target '${name}' cannot be ignored.`, 'Choose another target= or another type.');
    let guess = inferred[j]!;
    const stray = guess.stray ? (options.placeOf?.(guess.stray.row) ?? { at: `row ${guess.stray.row + 1}`, short: `row ${guess.stray.row + 1}` }) : null;
    const place = stray?.at ?? '';
    if (guess.stray && isTarget && given === undefined && task !== 'classification') {
      const cell = guess.stray.cell;
      throw new UserError(`${place}: target '${name}' holds numbers, but this row has '${cell}'.`, `Read '${cell}' as missing (those rows are dropped): na_values=${naValueText(cell)}, or fix the file.`);
    }
    if (stray) guess = { ...guess, why: `${guess.why} on ${stray.short}` };
    if (!isTarget && (options.numeric || block) && sample.present > 0 && sample.numeric === sample.present && (guess.type === 'integer-category' || guess.type === 'binary')) {
      guess = { type: 'number', why: options.numeric ? `numbers: ${options.numeric.by}` : block! };
    }
    if (isTarget) guess = { ...guess, type: targetType(name, guess.type, sample, task) };
    const type = given ?? guess.type;
    const why = given ? `set to ${typeLabel(given)}` : guess.why;
    const role = isTarget ? 'target' : type === 'ignore' ? 'ignored' : 'feature';
    const warning = !given && guess.stray ? strayWarning(name, guess.stray.cell, place) : undefined;
    return { name, type, why, role, ...(warning ? { warning } : {}) };
  });
}

/** A cell text as the user would type it in `na_values=` (quoted when it is not a bare word). */
function naValueText(cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(cell) ? cell : JSON.stringify(cell);
}

function strayWarning(name: string, cell: string, place: string): string {
  const na = naValueText(cell);
  return `Column '${name}' is ignored: it holds numbers, but ${place} has '${cell}'. Read it as missing with na_values=${na} (add missing=drop to drop those rows), or fix the file.`;
}

/**
 * The why of every integer feature when the table is a block of them (the 64 pixel columns of
 * an 8×8 image, 0–16): read as numbers even where a column has few levels (the edge pixels),
 * or null for an ordinary table.
 */
function integerBlock(header: readonly string[], samples: readonly ColumnSample[], targets: readonly string[], inferred: readonly { readonly type: ColumnType }[]): string | null {
  const integers = header.flatMap((name, j) => {
    const s = samples[j]!;
    const integral = !targets.includes(name) && s.present > 0 && s.numeric === s.present && s.integer === s.present && inferred[j]!.type !== 'ignore';
    return integral ? [s] : [];
  });
  if (integers.length < BLOCK_COLUMNS) return null;
  const many = integers.filter((s) => s.overflow || s.distinct.size > MAX_INTEGER_CODES).length;
  if (4 * many < integers.length) return null;
  const lo = Math.min(...integers.map((s) => s.min));
  const hi = Math.max(...integers.map((s) => s.max));
  return `one of ${integers.length} integer columns on ${lo}–${hi} (pixels?)`;
}
