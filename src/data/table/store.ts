/** Numbers of one column, growing as rows arrive; NaN marks a missing value. */
export class NumberColumn {
  readonly kind = 'number';
  private data = new Float32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Float32Array(this.data.length * 2));
    this.data[this.length++] = v;
  }

  /** Adds many values at once (the rows another thread read). */
  append(values: Float32Array): void {
    if (this.length + values.length > this.data.length) this.data = grow(this.data, new Float32Array(this.length + values.length));
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** Keeps the first `n` values (a streamed pass reuses the column batch after batch). */
  truncate(n: number): void {
    this.length = Math.min(this.length, n);
  }

  /** The values so far (a view, not a copy). */
  get values(): Float32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Label shown for a missing category value, which is a category of its own. */
export const MISSING_LABEL = '<missing>';
/** Label that collects values beyond CODE_CAP distinct ones. */
export const OTHER_LABEL = '<other>';
/** Distinct labels stored per column; a column with more is mostly unique and rarely useful. */
const CODE_CAP = 10_000;

/** Text values of one column as integer codes into `labels` (first seen, first coded). */
export class CodeColumn {
  readonly kind = 'codes';
  // CODE_CAP fits 16 bits: half the memory of int32 for every text column.
  private data = new Uint16Array(1024);
  length = 0;
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();

  /** `labels`: codes already given (a later pass over a file codes its text as the first did). */
  constructor(labels: readonly string[] = []) {
    for (const label of labels) this.codeOf(label);
  }

  /** The code of a label, adding it when new (or OTHER_LABEL once the column is full). */
  codeOf(label: string): number {
    const known = this.index.get(label);
    if (known !== undefined) return known;
    if (this.labels.length >= CODE_CAP) return this.codeOf(OTHER_LABEL);
    this.index.set(label, this.labels.length);
    this.labels.push(label);
    return this.labels.length - 1;
  }

  has(label: string): boolean {
    return this.index.has(label);
  }

  push(code: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Uint16Array(this.data.length * 2));
    this.data[this.length++] = code;
  }

  /**
   * Adds codes another column assigned (into its `labels`), recoded into this column's labels:
   * labels new here are coded in the order the other column first saw them.
   */
  appendCodes(codes: Uint16Array, labels: readonly string[]): void {
    const recode = Uint16Array.from(labels, (label) => this.codeOf(label));
    if (this.length + codes.length > this.data.length) this.data = grow(this.data, new Uint16Array(this.length + codes.length));
    for (let i = 0; i < codes.length; i++) this.data[this.length + i] = recode[codes[i]!]!;
    this.length += codes.length;
  }

  /** Keeps the first `n` codes; the labels stay. */
  truncate(n: number): void {
    this.length = Math.min(this.length, n);
  }

  get codes(): Uint16Array {
    return this.data.subarray(0, this.length);
  }
}

function grow<T extends Float32Array | Uint16Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
