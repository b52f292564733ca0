import seedrandom from 'seedrandom';
import { UserError } from '../../core/user-error.js';

/** How rows are divided (`split validation=0.2 test=0.1 seed=42 stratify=True`). */
export interface SplitSettings {
  readonly validation: number;
  readonly test: number;
  readonly seed: number;
  /** Keep each class's share the same in every split (classification only). */
  readonly stratify: boolean;
  /** Keep file order, validation after training and test last (time series, as Keras's validation_split). */
  readonly chronological: boolean;
}

/**
 * Row indices of each split, ascending: which rows go where is random (seeded), but reading them
 * in file order keeps encoding cache-friendly; the trainer shuffles each epoch as Keras does.
 */
export interface SplitRows {
  readonly train: Uint32Array;
  readonly validation: Uint32Array;
  readonly test: Uint32Array;
}

function checkFractions(validation: number, test: number): void {
  for (const [name, v] of [['validation', validation], ['test', test]] as const) {
    if (!(v >= 0 && v < 1)) throw new UserError(`Expected ${name} to be a fraction from 0 to 1 (exclusive). Received: ${name}=${v}`);
  }
  if (validation + test >= 1) {
    throw new UserError(`validation=${validation} and test=${test} leave no rows for training.`, 'Keep validation + test below 1, e.g. validation=0.2 test=0.1.');
  }
}

/** The splits; a row's split is its index here. */
const SPLITS = ['train', 'validation', 'test'] as const;
type SplitName = (typeof SPLITS)[number];
type Sizes = Record<SplitName, number>;

const range = (from: number, to: number): Uint32Array => Uint32Array.from({ length: to - from }, (_, i) => from + i);

/** How many of `n` rows each split takes (rounded as before: test and validation first). */
function sizesOf(n: number, settings: SplitSettings): Sizes {
  const test = Math.round(n * settings.test);
  const validation = Math.round(n * settings.validation);
  return { test, validation, train: n - test - validation };
}

/**
 * Says which split each row goes to, one row at a time in file order, with O(1) memory per
 * class: every row draws one seeded number and takes a split with probability (rows that split
 * still needs) / (rows left), so each split gets exactly its size and every division of the rows
 * is equally likely (selection sampling, Knuth's Algorithm S). Because it never needs the rows
 * at once, a file streamed from disk and the same file held in memory are split identically.
 */
export class SplitAssigner {
  /** Per group (class, or one group): rows still to place in each split. */
  private readonly left: Float64Array;
  private readonly random: () => number;
  readonly sizes: Sizes;

  /**
   * `groupSizes`: rows per class code when stratified (a code with no rows may be 0), else the
   * row count alone.
   */
  constructor(settings: SplitSettings, groupSizes: readonly number[]) {
    this.random = seedrandom.alea(String(settings.seed));
    this.left = new Float64Array(groupSizes.length * 3);
    const sum = { train: 0, validation: 0, test: 0 };
    groupSizes.forEach((n, g) => {
      const s = sizesOf(n, settings);
      SPLITS.forEach((split, k) => ((this.left[g * 3 + k] = s[split]), (sum[split] += s[split])));
    });
    this.sizes = sum;
  }

  /** The split (0 train, 1 validation, 2 test) of the next row; `group` is its class code when stratified. */
  next(group = 0): 0 | 1 | 2 {
    const at = group * 3;
    const left = this.left;
    const draw = this.random() * (left[at]! + left[at + 1]! + left[at + 2]!);
    const split = draw < left[at]! ? 0 : draw < left[at]! + left[at + 1]! ? 1 : 2;
    left[at + split]!--;
    return split;
  }
}

/** Rows per class code (codes 0..max), for a stratified SplitAssigner. */
export function groupSizes(labels: Int32Array | Uint16Array): number[] {
  const counts: number[] = [];
  for (const code of labels) counts[code] = (counts[code] ?? 0) + 1;
  return Array.from(counts, (c) => c ?? 0);
}

/** Checks the settings and that `count` rows leave some for training. */
export function checkSplit(count: number, settings: SplitSettings): void {
  checkFractions(settings.validation, settings.test);
  if (sizesOf(count, settings).train < 1) throw new UserError(`${count} rows leave none for training with validation=${settings.validation} test=${settings.test}.`);
}

/**
 * Divides `count` rows into training, validation and test sets at random (seeded), so the same
 * seed always gives the same split. With `labels` (class codes per row) and `stratify`, each class
 * is divided on its own. Chronological splits keep file order.
 */
export function splitRows(count: number, settings: SplitSettings, labels: Int32Array | Uint16Array | null): SplitRows {
  checkSplit(count, settings);
  if (settings.chronological) {
    const total = sizesOf(count, settings);
    return { train: range(0, total.train), validation: range(total.train, total.train + total.validation), test: range(total.train + total.validation, count) };
  }
  const stratified = settings.stratify && labels !== null;
  const assigner = new SplitAssigner(settings, stratified ? groupSizes(labels) : [count]);
  const out = SPLITS.map((split) => new Uint32Array(assigner.sizes[split]));
  const at = [0, 0, 0];
  for (let row = 0; row < count; row++) {
    const split = assigner.next(stratified ? labels[row]! : 0);
    out[split]![at[split]!++] = row;
  }
  return { train: out[0]!, validation: out[1]!, test: out[2]! };
}
