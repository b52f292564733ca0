/**
 * Where rows come from before type inference and encoding: a CSV file (streamed) or a builtin
 * data set (generated or shipped). Both hand the loader the same shape of thing.
 */
export interface RawSource {
  /** What the user named: `data/iris.csv`, `builtin:iris`. */
  readonly name: string;
  /** Column names, in file order. */
  readonly header: readonly string[];
  /**
   * The rows in batches, as strings exactly as a CSV would hold them (empty string = missing).
   * May be called more than once (a second pass re-reads from the start).
   */
  batches(batchSize: number): AsyncIterable<readonly (readonly string[])[]>;
  /** 1-based file line of the first data row, for messages (`iris.csv:7:3`); null for builtins. */
  readonly firstDataLine: number | null;
  /** Suggested `target=` when the user gives none (builtins know theirs). */
  readonly defaultTarget?: readonly string[];
  /** Suggested reshape for image sets (`(8, 8, 1)`) or window for series, shown to the user. */
  readonly suggestedReshape?: readonly number[];
  /**
   * Column types the source knows better than inference would guess (digits' 0–16 pixels are
   * intensities, not 17 categories); the user's `types=` still wins.
   */
  readonly columnTypes?: Readonly<Record<string, 'number'>>;
  /** One line: where the data comes from and its licence, for builtins. */
  readonly description?: string;
}

/** A source read from a file: it can be read again pass by pass (a streamed table keeps one). */
export interface FileSource extends RawSource {
  readonly path: string;
  /** Bytes read so far by the current pass (for the progress line). */
  readonly bytesRead: number;
  /** File line of row `i` of the batch last yielded (for `file:line:column` messages). */
  lineOf(indexInBatch: number): number | null;
}
