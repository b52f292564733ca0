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

const ascending = (s: SplitRows): SplitRows => ({ train: s.train.sort(), validation: s.validation.sort(), test: s.test.sort() });

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
  if (!settings.stratify || labels === null) {
    const all = shuffle(range(0, count), random);
    return ascending({ train: all.slice(0, total.train), validation: all.slice(total.train, total.train + total.validation), test: all.slice(total.train + total.validation) });
  }
  const byClass = new Map<number, number[]>();
  labels.forEach((code: number, row: number) => {
    const rows = byClass.get(code);
    if (rows) rows.push(row);
    else byClass.set(code, [row]);
  });
  const parts: { train: number[]; validation: number[]; test: number[] } = { train: [], validation: [], test: [] };
  for (const code of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = shuffle(Uint32Array.from(byClass.get(code)!), random);
    const n = sizes(rows.length);
    // Loops, not push(...spread): a class may hold a million rows.
    rows.forEach((row, i) => (i < n.test ? parts.test : i < n.test + n.validation ? parts.validation : parts.train).push(row));
  }
  return ascending({ train: Uint32Array.from(parts.train), validation: Uint32Array.from(parts.validation), test: Uint32Array.from(parts.test) });
}
