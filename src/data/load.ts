import { isAbsolute, resolve } from 'node:path';
import { openBuiltin, type BuiltinOptions } from './builtin/index.js';
import { UserError } from '../core/user-error.js';
import type { ColumnType } from './table/column-types.js';
import type { NumericFeatures, TaskChoice } from './csv/column-plan.js';
import type { CsvHead } from './csv/open.js';
import { openCsv, type CsvSource } from './csv/source.js';
import { checkFitsInMemory, fitsInMemory } from './csv/memory-check.js';
import { buildStreamedDataset, type StreamOptions } from './encode/build-streamed.js';
import { readStreamedTable } from './csv/stream-table.js';
import { readTableParallel } from './csv/read-table-parallel.js';
import { buildDataset } from './encode/build-dataset.js';
import type { Dataset, EncodeSettings } from './encode/dataset.js';
import type { Scale } from './encode/encoders.js';
import { readTable } from './csv/read-table.js';
import type { RawSource } from './table/source.js';
import type { Table } from './table/table.js';

/** Everything `load` was asked, kept so `column` can load again with one type changed. */
export interface LoadRequest {
  /** A file path or `builtin:NAME`. */
  readonly spec: string;
  /** null: the source's default target, else the last column. */
  readonly targets: readonly string[] | null;
  readonly types: Readonly<Record<string, ColumnType>>;
  readonly missing: 'fill' | 'drop';
  /** Cell texts read as missing besides NA, ? and blanks (`na_values=oops`). */
  readonly naValues?: readonly string[];
  /** numeric=True: every numeric feature is a number, integer codes too. */
  readonly numeric?: boolean;
  readonly task?: TaskChoice;
  readonly header?: boolean;
  readonly delimiter?: string;
  readonly builtin: BuiltinOptions;
  readonly scale: Scale;
  readonly validation: number;
  readonly test: number;
  readonly seed: number;
  /** undefined: stratify classification targets. */
  readonly stratify?: boolean;
  /** true: read the file again on every pass instead of holding it; undefined: only when it would not fit in memory. */
  readonly stream?: boolean;
  readonly reshape?: readonly number[];
  readonly window?: number;
  readonly horizon: number;
  /** Directory a relative path is read from (a replayed session file's); the cwd when absent. */
  readonly baseDir?: string;
}

/** A loaded data set and how it came to be. */
export interface Loaded {
  readonly request: LoadRequest;
  readonly dataset: Dataset;
  /** Set when the target was not given (`target: species, the last column`). */
  readonly defaultTarget: string | null;
  readonly csv?: { readonly delimiter: string; readonly hasHeader: boolean };
}

/** Keras-user-friendly defaults, shown after every load: 20% validation, no test, seed 42. */
export const DEFAULT_SPLIT = { validation: 0.2, test: 0, seed: 42 } as const;

const isCsv = (source: RawSource): source is CsvSource => 'upTo' in source;

async function openSource(request: LoadRequest): Promise<RawSource & { head?: CsvHead }> {
  if (request.spec.startsWith('builtin:')) return openBuiltin(request.spec, request.builtin);
  if (request.baseDir === undefined || isAbsolute(request.spec)) return openCsv(request.spec, csvSettings(request));
  // Read beside the session file, but named as the session wrote it, so its output is the same anywhere.
  const baseDir = request.baseDir;
  return openCsv(resolve(baseDir, request.spec), csvSettings(request), request.spec).catch((err: unknown) => {
    if (err instanceof UserError && err.message.startsWith('No such file')) throw new UserError(err.message, `Paths in a session file are relative to its directory, ${baseDir}.`);
    throw err;
  });
}

function csvSettings(request: LoadRequest): { header?: boolean; delimiter?: string } {
  return { ...(request.header !== undefined ? { header: request.header } : {}), ...(request.delimiter ? { delimiter: request.delimiter } : {}) };
}

/** The split and encoding settings of a request, given what the table turned out to hold. */
export function encodeSettings(request: LoadRequest, table: Table): EncodeSettings {
  const classification = table.stored.some((c) => c.info.role === 'target' && c.data.kind === 'codes');
  if (request.stratify && !classification) throw new UserError('stratify=True needs a classification target; this one is a number.', 'Leave out stratify= for regression.');
  if (request.stratify && request.window !== undefined) throw new UserError('stratify=True cannot apply to window= sequences: they split in time order.');
  const split = { validation: request.validation, test: request.test, seed: request.seed, stratify: request.stratify ?? (classification && request.window === undefined), chronological: request.window !== undefined };
  return {
    split,
    scale: request.scale,
    horizon: request.horizon,
    ...(request.reshape ? { reshape: request.reshape } : {}),
    ...(request.window !== undefined ? { window: request.window } : {}),
  };
}

/**
 * Why to stream the file, or null to hold it: streamed when asked (stream=True), else when its
 * columns would not fit in the memory free now. stream=False on a file too large is refused
 * before reading.
 */
function streamReason(source: CsvSource, request: LoadRequest): string | null {
  if (request.stream === true) return 'stream=True';
  if (request.stream === false) checkFitsInMemory(source.name, source.head, ignoredColumns(request));
  else if (!fitsInMemory(source.head, ignoredColumns(request))) return 'too large to hold in the memory free';
  return null;
}

const ignoredColumns = (request: LoadRequest) => Object.values(request.types).filter((t) => t === 'ignore').length;

/** Encodes a table: from its typed columns in memory, or by passes over its file when streamed. */
export async function datasetOf(table: Table, settings: EncodeSettings, options: StreamOptions = {}): Promise<Dataset> {
  return table.streamed ? buildStreamedDataset(table, settings, options) : buildDataset(table, settings);
}

/** The loaded data encoded again under a changed request (a new split or seed); the rows are not read again unless streamed. */
export async function reencode(loaded: Loaded, request: LoadRequest, options: StreamOptions = {}): Promise<Loaded> {
  const table = loaded.dataset.table;
  return { ...loaded, request, dataset: await datasetOf(table, encodeSettings(request, table), options) };
}

/** What reads every feature as a number: numeric=True, or a reshape=/window= (which one-hot columns cannot fill). */
function numericFeatures(request: LoadRequest): { numeric?: NumericFeatures } {
  if (request.numeric === true) return { numeric: { by: 'numeric=True' } };
  if (request.numeric === false) return {};
  if (request.reshape) return { numeric: { by: `reshape=(${request.reshape.join(', ')}${request.reshape.length === 1 ? ',' : ''})` } };
  if (request.window !== undefined) return { numeric: { by: `window=${request.window}` } };
  return {};
}

/**
 * Opens, reads and encodes a data set. Nothing is kept from a failed load, so the caller's
 * previous data stays as it was.
 */
export async function loadData(request: LoadRequest, progress?: (text: string) => void, signal?: AbortSignal): Promise<Loaded> {
  const source = await openSource(request);
  const defaultTarget = request.targets === null ? (source.defaultTarget ?? [source.header[source.header.length - 1]!]) : null;
  const targets = request.targets ?? defaultTarget!;
  const options = {
    targets,
    types: request.types,
    missing: request.missing,
    ...(request.naValues?.length ? { naValues: request.naValues } : {}),
    ...numericFeatures(request),
    ...(request.task ? { task: request.task } : {}),
    ...(progress ? { progress } : {}),
    ...(signal ? { signal } : {}),
  };
  const stream = isCsv(source) ? streamReason(source, request) : null;
  const table = isCsv(source) && stream ? await readStreamedTable(source, options, stream) : ((isCsv(source) ? await readTableParallel(source, options) : null) ?? (await readTable(source, options)));
  const dataset = await datasetOf(table, encodeSettings(request, table), options);
  const csv = source.head ? { delimiter: source.head.delimiter, hasHeader: source.head.hasHeader } : undefined;
  return { request, dataset, defaultTarget: defaultTarget ? defaultTarget.join(',') : null, ...(csv ? { csv } : {}) };
}
