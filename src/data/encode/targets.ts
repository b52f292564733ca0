import { UserError } from '../../core/user-error.js';
import { sortLabels } from './encoders.js';
import type { StoredColumn } from '../table/table.js';

/** What the model learns: decided by the target's type (or `task=`). */
export type Task = 'binary' | 'multiclass' | 'regression';

/**
 * How the target becomes `y`: a class index per row (`one-hot`: several classes, which the model
 * meets one-hot unless the loss is sparse; `binary`: 0/1), or the number itself.
 */
export type TargetEncoder =
  | { readonly kind: 'one-hot'; readonly column: string; readonly classes: readonly string[]; readonly classOfCode: Int32Array }
  | { readonly kind: 'binary'; readonly column: string; readonly classes: readonly [string, string]; readonly classOfCode: Int32Array }
  | { readonly kind: 'number'; readonly column: string };

/** Units of the model's output for this target: one per class for a multiclass target, else 1. */
export function targetWidth(t: TargetEncoder): number {
  return t.kind === 'one-hot' ? t.classes.length : 1;
}

/** Class indices (one per sample) as one-hot rows `classes` wide: categorical_crossentropy's form of a target. */
export function oneHot(indices: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(indices.length * classes);
  for (let i = 0; i < indices.length; i++) out[i * classes + indices[i]!] = 1;
  return out;
}

/** The last layer and loss a Keras user would pick for this target. */
export interface Suggestion {
  readonly units: number;
  readonly activation: 'softmax' | 'sigmoid' | 'linear';
  readonly lastLayer: string;
  readonly loss: string;
}

function oneClass(column: string, label: string, rows: number): UserError {
  return new UserError(
    `target '${column}' has one class ('${label}') in all ${rows.toLocaleString('en-US')} rows; classification needs at least two.`,
    'Choose another target=, or task=regression if it is a number.',
  );
}

/**
 * The target encoders and the task. Classes come from every row (a class seen only in the test
 * split is still a class); several targets are allowed for regression only.
 */
export function fitTargets(targets: readonly StoredColumn[], rowCount: number): { encoders: TargetEncoder[]; task: Task } {
  const coded = targets.filter((t) => t.data.kind === 'codes');
  if (coded.length > 0 && targets.length > 1) {
    throw new UserError(
      `klayers trains one classification target at a time; target=${targets.map((t) => t.info.name).join(',')} includes '${coded[0]!.info.name}'.`,
      'Give one target=, or several numeric targets for regression.',
    );
  }
  const encoders = targets.map((t): TargetEncoder => {
    const name = t.info.name;
    if (t.data.kind === 'number') return { kind: 'number', column: name };
    const classes = sortLabels(t.data.labels);
    if (classes.length < 2) throw oneClass(name, classes[0] ?? '', rowCount);
    const classOfCode = Int32Array.from(t.data.labels, (l) => classes.indexOf(l));
    if (t.info.type === 'binary') return { kind: 'binary', column: name, classes: [classes[0]!, classes[1]!], classOfCode };
    return { kind: 'one-hot', column: name, classes, classOfCode };
  });
  const first = encoders[0]!;
  const task: Task = first.kind === 'one-hot' ? 'multiclass' : first.kind === 'binary' ? 'binary' : 'regression';
  return { encoders, task };
}

export function suggest(task: Task, width: number): Suggestion {
  if (task === 'multiclass') return { units: width, activation: 'softmax', lastLayer: `Dense(${width}, activation='softmax')`, loss: 'categorical_crossentropy' };
  if (task === 'binary') return { units: 1, activation: 'sigmoid', lastLayer: "Dense(1, activation='sigmoid')", loss: 'binary_crossentropy' };
  return { units: width, activation: 'linear', lastLayer: `Dense(${width})`, loss: 'mse' };
}

/** `binary classification (no/yes)`, `classification (3 classes)`, `regression`. */
export function describeTask(task: Task, encoders: readonly TargetEncoder[]): string {
  const first = encoders[0]!;
  if (task === 'binary' && first.kind === 'binary') return `binary classification (${first.classes[0]} = 0, ${first.classes[1]} = 1)`;
  if (task === 'multiclass' && first.kind === 'one-hot') return `classification (${first.classes.length} classes)`;
  return encoders.length > 1 ? `regression (${encoders.length} targets)` : 'regression';
}
