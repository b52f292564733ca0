import seedrandom from 'seedrandom';
import { LayerError } from '../layers/types.js';

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

export function checkFractions(validation: number, test: number): void {
  for (const [name, v] of [['validation', validation], ['test', test]] as const) {
    if (!(v >= 0 && v < 1)) throw new LayerError(`Expected ${name} to be a fraction from 0 to 1 (exclusive). Received: ${name}=${v}`);
  }
  if (validation + test >= 1) {
    throw new LayerError(`validation=${validation} and test=${test} leave no rows for training.`, 'Keep validation + test below 1, e.g. validation=0.2 test=0.1.');
  }
}

function shuffle(rows: Uint32Array, random: () => number): Uint32Array {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = rows[i]!;
    rows[i] = rows[j]!;
    rows[j] = t;
  }
  return rows;
}

/** The splits; a row's split is stored as its index here. */
const SPLITS = ['train', 'validation', 'test'] as const;
type Sizes = Record<(typeof SPLITS)[number], number>;

/** The rows of each split in ascending order, from which split each row went to (no sorting). */
function collect(assigned: Uint8Array, total: Sizes): SplitRows {
  const out = SPLITS.map((split) => new Uint32Array(total[split]));
  const at = [0, 0, 0];
  for (let row = 0; row < assigned.length; row++) {
    const split = assigned[row]!;
    out[split]![at[split]!++] = row;
  }
  return { train: out[0]!, validation: out[1]!, test: out[2]! };
}

const range = (from: number, to: number): Uint32Array => Uint32Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Divides `count` rows into training, validation and test sets with a seeded shuffle, so the same
 * seed always gives the same split. With `labels` (class codes per row) and `stratify`, each class
 * is divided on its own.
 */
export function splitRows(count: number, settings: SplitSettings, labels: Int32Array | Uint16Array | null): SplitRows {
  checkFractions(settings.validation, settings.test);
  const sizes = (n: number) => {
    const test = Math.round(n * settings.test);
    const validation = Math.round(n * settings.validation);
    return { test, validation, train: n - test - validation };
  };
  const total = sizes(count);
  if (total.train < 1) throw new LayerError(`${count} rows leave none for training with validation=${settings.validation} test=${settings.test}.`);
  if (settings.chronological) {
    return { train: range(0, total.train), validation: range(total.train, total.train + total.validation), test: range(total.train + total.validation, count) };
  }
  const random = seedrandom.alea(String(settings.seed));
  const assigned = new Uint8Array(count);
  // Consecutive runs of a shuffled group go to the splits in `order`, each run as long as its split.
  const assign = (rows: Uint32Array, n: Sizes, order: readonly (keyof Sizes)[]): void => {
    let i = 0;
    for (const split of order) for (const end = i + n[split], code = SPLITS.indexOf(split); i < end; i++) assigned[rows[i]!] = code;
  };
  if (!settings.stratify || labels === null) {
    assign(shuffle(range(0, count), random), total, ['train', 'validation', 'test']);
    return collect(assigned, total);
  }
  // Rows grouped by class, each group in file order (a counting sort), classes by code.
  const codes = [...new Set(labels)].sort((a, b) => a - b);
  const group = new Map(codes.map((code, g) => [code, g]));
  const starts = new Uint32Array(codes.length + 1);
  for (let row = 0; row < count; row++) starts[group.get(labels[row]!)! + 1]!++;
  for (let g = 0; g < codes.length; g++) starts[g + 1]! += starts[g]!;
  const grouped = new Uint32Array(count);
  const next = starts.slice(0, codes.length);
  for (let row = 0; row < count; row++) grouped[next[group.get(labels[row]!)!]!++] = row;
  const sum = { train: 0, validation: 0, test: 0 };
  for (let g = 0; g < codes.length; g++) {
    const rows = grouped.subarray(starts[g]!, starts[g + 1]!);
    const n = sizes(rows.length);
    assign(shuffle(rows, random), n, ['test', 'validation', 'train']);
    (sum.train += n.train), (sum.validation += n.validation), (sum.test += n.test);
  }
  return collect(assigned, sum);
}
