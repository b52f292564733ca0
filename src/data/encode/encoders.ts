import type { ColumnTally } from '../table/column-tally.js';
import type { ColumnType } from '../table/column-types.js';
import { parseNumber } from '../table/missing.js';
import { OTHER_LABEL, type CodeColumn } from '../table/store.js';
import type { StoredColumn } from '../table/table.js';

/** How numbers are scaled: z-score (Keras Normalization, sklearn StandardScaler), min-max, or not. */
export type Scale = 'standard' | 'minmax' | 'none';

/** The most frequent training values a one-hot column keeps; the rest share `<unk>`. */
const VOCABULARY_CAP = 50;
export const UNKNOWN_LABEL = '<unk>';

/** A number column: `(value or fill - center) / divisor`, all fitted on the training rows. */
interface NumberEncoder {
  readonly kind: 'number';
  readonly column: string;
  readonly scale: Scale;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** What a missing value becomes before scaling: the training mean. */
  readonly fill: number;
  readonly center: number;
  readonly divisor: number;
}

/** A category column: one slot per vocabulary value (+ `<unk>` when capped); unseen → zeros. */
interface OneHotEncoder {
  readonly kind: 'one-hot';
  readonly column: string;
  readonly vocabulary: readonly string[];
  readonly unknownSlot: boolean;
  /** Slot of each stored code, or -1 for all zeros. */
  readonly slotOfCode: Int32Array;
  readonly distinct: number;
}

/** A two-valued column as 0/1: the first label in sorted order is 0. */
interface BinaryEncoder {
  readonly kind: 'binary';
  readonly column: string;
  readonly zero: string;
  readonly one: string;
  readonly valueOfCode: Float32Array;
}

export type FeatureEncoder = NumberEncoder | OneHotEncoder | BinaryEncoder;

export function encoderWidth(e: FeatureEncoder): number {
  return e.kind === 'one-hot' ? e.vocabulary.length + (e.unknownSlot ? 1 : 0) : 1;
}

/** Names of the encoded columns: `age`, `color=red`, `color=<unk>`. */
export function encodedNames(e: FeatureEncoder): string[] {
  if (e.kind !== 'one-hot') return [e.column];
  return [...e.vocabulary, ...(e.unknownSlot ? [UNKNOWN_LABEL] : [])].map((v) => `${e.column}=${v}`);
}

/** Sorted as a person expects: numerically when every label is a number. */
export function sortLabels(labels: readonly string[]): string[] {
  const numeric = labels.every((l) => !Number.isNaN(parseNumber(l)));
  return [...labels].sort(numeric ? (a, b) => parseNumber(a) - parseNumber(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function fitNumber(column: string, tally: ColumnTally, scale: Scale): NumberEncoder {
  const { mean, std } = tally;
  const [min, max] = tally.count > 0 ? [tally.min, tally.max] : [0, 0];
  const center = scale === 'standard' ? mean : scale === 'minmax' ? min : 0;
  const divisor = scale === 'standard' ? std || 1 : scale === 'minmax' ? max - min || 1 : 1;
  return { kind: 'number', column, scale, mean, std, min, max, fill: mean, center, divisor };
}

function fitOneHot(column: string, data: CodeColumn, tally: ColumnTally): OneHotEncoder {
  const counts = data.labels.map((_, code) => tally.countOf(code));
  const seen = [...counts.keys()].filter((c) => counts[c]! > 0 && data.labels[c] !== OTHER_LABEL);
  const frequent = seen.sort((a, b) => counts[b]! - counts[a]! || a - b).slice(0, VOCABULARY_CAP);
  const vocabulary = sortLabels(frequent.map((c) => data.labels[c]!));
  const unknownSlot = seen.length > VOCABULARY_CAP || data.labels.includes(OTHER_LABEL);
  const slotOfCode = new Int32Array(data.labels.length).fill(unknownSlot ? vocabulary.length : -1);
  vocabulary.forEach((label, slot) => (slotOfCode[data.labels.indexOf(label)] = slot));
  return { kind: 'one-hot', column, vocabulary, unknownSlot, slotOfCode, distinct: data.labels.length };
}

function fitBinary(column: string, data: CodeColumn): BinaryEncoder {
  const [zero = '', one = ''] = sortLabels(data.labels);
  const valueOfCode = Float32Array.from(data.labels, (l) => (l === one ? 1 : 0));
  return { kind: 'binary', column, zero, one, valueOfCode };
}

/**
 * Fits one feature column's encoder from its tally over the training rows; a text column's
 * labels (its codes' meaning) come from `column`.
 */
export function fitEncoder(column: StoredColumn, training: ColumnTally, scale: Scale): FeatureEncoder {
  const { name, type } = column.info;
  const data = column.data;
  if (data.kind === 'number') return fitNumber(name, training, scale);
  return type === ('binary' satisfies ColumnType) ? fitBinary(name, data) : fitOneHot(name, data, training);
}
