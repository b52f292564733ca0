/**
 * HDF5 files as Keras's weights store uses them: a tree of groups (some with a `name` attribute)
 * holding float32/int32 datasets. Written and read through h5wasm (HDF5 compiled to wasm, with
 * the host file system); h5wasm is imported on first use. Reading lists every dataset's shape
 * and type first; values are read one dataset at a time, only after the caller checked the shape,
 * so a file declaring a huge dataset is refused before anything is allocated.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../core/user-error.js';

type H5 = typeof import('h5wasm');

let h5: Promise<H5> | null = null;
function loadH5(): Promise<H5> {
  h5 ??= import('h5wasm/node').then(async (lib) => {
    await lib.ready;
    return lib;
  });
  return h5;
}

/** One dataset to write: row-major values. */
export interface H5Dataset {
  readonly path: string;
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array;
}

/** A group to create (parents first), with its `name` attribute when Keras gives it one. */
export interface H5Group {
  readonly path: string;
  readonly name?: string;
}

/** The HDF5 file's bytes: groups in the given order, then datasets. */
export async function writeH5(groups: readonly H5Group[], datasets: readonly H5Dataset[]): Promise<Uint8Array> {
  const lib = await loadH5();
  return withTempDir(async (dir) => {
    const path = join(dir, 'store.h5');
    const file = new lib.File(path, 'w');
    try {
      // h5wasm creates one level at a time: nested paths in one call fail.
      for (const g of groups) {
        const group = file.create_group(g.path);
        if (g.name !== undefined) group.create_attribute('name', g.name);
      }
      for (const d of datasets) {
        const at = d.path.lastIndexOf('/');
        const parent = at < 0 ? file : (file.get(d.path.slice(0, at)) as InstanceType<H5['Group']>);
        parent.create_dataset({ name: d.path.slice(at + 1), data: d.values, shape: [...d.shape], dtype: d.values instanceof Int32Array ? '<i' : '<f' });
      }
    } finally {
      file.close();
    }
    return new Uint8Array(await readFile(path));
  });
}

/** A dataset as listed: its shape and element type, values not read yet. */
export interface H5Entry {
  readonly shape: readonly number[];
  /** `float32`, `float64`, `int32`, `int64`, … or `other`. */
  readonly dtype: string;
}

export interface H5Contents {
  readonly groups: ReadonlySet<string>;
  readonly datasets: ReadonlyMap<string, H5Entry>;
  /** The values of one listed dataset, as float32 (integers as numbers). */
  read(path: string): Float32Array;
}

const MAX_OBJECTS = 100_000;
/** Keras's deepest path is `layers/NAME/cell/vars/i`; a far deeper tree (or a link cycle) is no weights store. */
const MAX_DEPTH = 16;
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

function dtypeOf(meta: { type: number; size: number; signed?: boolean }): string {
  if (meta.type === 1) return meta.size === 4 ? 'float32' : meta.size === 8 ? 'float64' : 'other';
  if (meta.type === 0) return `${meta.signed === false ? 'uint' : 'int'}${meta.size * 8}`;
  return 'other';
}

/**
 * Opens the HDF5 bytes `data` (named `label` in messages) and hands its listing to `use`; the file
 * is closed when `use` returns. Throws UserError when the bytes are not HDF5.
 */
export async function readH5<T>(data: Uint8Array, label: string, use: (contents: H5Contents) => T | Promise<T>): Promise<T> {
  if (data.length < 8 || HDF5_SIGNATURE.some((b, i) => data[i] !== b)) {
    throw new UserError(`${label} is not an HDF5 file (it does not start with HDF5's signature).`, 'Give the .weights.h5 file Keras saved with model.save_weights, or save it again.');
  }
  const lib = await loadH5();
  return withTempDir(async (dir) => {
    const path = join(dir, 'store.h5');
    await writeFile(path, data);
    let file: InstanceType<H5['File']>;
    try {
      file = new lib.File(path, 'r');
    } catch {
      throw new UserError(`${label} could not be opened as HDF5 (it may be truncated).`, 'Save it again from Keras or klayers.');
    }
    try {
      const groups = new Set<string>();
      const datasets = new Map<string, H5Entry>();
      const visit = (group: InstanceType<H5['Group']>, prefix: string, depth: number) => {
        if (depth > MAX_DEPTH) throw new UserError(`${label} nests groups more than ${MAX_DEPTH} deep (at ${prefix.slice(0, 80)}); a Keras weights store is a few levels deep.`, 'Check where the file came from.');
        for (const key of group.keys()) {
          if (groups.size + datasets.size > MAX_OBJECTS) throw new UserError(`${label} holds more than ${MAX_OBJECTS.toLocaleString('en-US')} objects; a Keras weights file of a Sequential model has a few per layer.`);
          const path = prefix ? `${prefix}/${key}` : key;
          const item = group.get(key);
          if (item instanceof lib.Dataset) datasets.set(path, { shape: item.shape ?? [], dtype: dtypeOf(item.metadata) });
          else if (item instanceof lib.Group) {
            groups.add(path);
            visit(item, path, depth + 1);
          }
        }
      };
      visit(file, '', 0);
      const read = (p: string): Float32Array => {
        const item = file.get(p);
        if (!(item instanceof lib.Dataset)) throw new UserError(`${label} has no dataset '${p}'.`);
        const v = item.value;
        if (typeof v === 'number' || typeof v === 'bigint') return Float32Array.of(Number(v));
        if (v instanceof BigInt64Array || v instanceof BigUint64Array) return Float32Array.from(v, (x) => Number(x));
        if (ArrayBuffer.isView(v)) return Float32Array.from(v as unknown as ArrayLike<number>);
        throw new UserError(`${label}: dataset '${p}' is not numeric.`);
      };
      return await use({ groups, datasets, read });
    } finally {
      file.close();
    }
  });
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'klayers-h5-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
