/**
 * Atomic file writes: the data goes to a temp file beside the target, is fsync'd, then renamed
 * over the target. A reader (or a crash) sees the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write uses; tests inject a failing one. */
export interface WriteOps {
  open(path: string, flags: string): Promise<fs.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
}

export const NODE_WRITE_OPS: WriteOps = {
  open: (path, flags) => fs.open(path, flags),
  rename: (from, to) => fs.rename(from, to),
  rm: (path) => fs.rm(path, { force: true }),
};

/** One file to write. */
export interface FileContent {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** `.model.json.3f9a…tmp` in the target's directory (a rename across devices is not atomic). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

async function writeTemp(file: FileContent, ops: WriteOps): Promise<string> {
  const temp = tempPathFor(file.path);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await ops.open(temp, 'wx');
    await handle.writeFile(file.data);
    await handle.sync();
    await handle.close();
    handle = null;
    return temp;
  } catch (err) {
    await handle?.close().catch(() => {});
    await ops.rm(temp).catch(() => {});
    throw err;
  }
}

/**
 * Writes every file atomically, as one step as far as a file system allows: all temp files are
 * written and fsync'd first, and only then renamed over their targets, in the order given (put
 * the file that points at the others last). If any write fails, every temp file is removed, no
 * target is touched, and the error propagates.
 */
export async function writeFilesAtomic(files: readonly FileContent[], ops: WriteOps = NODE_WRITE_OPS): Promise<void> {
  const temps: string[] = [];
  try {
    for (const file of files) temps.push(await writeTemp(file, ops));
    for (let i = 0; i < files.length; i++) {
      await ops.rename(temps[i]!, files[i]!.path);
      temps[i] = '';
    }
  } catch (err) {
    await Promise.all(temps.filter((t) => t !== '').map((t) => ops.rm(t).catch(() => {})));
    throw err;
  }
  for (const dir of new Set(files.map((f) => dirname(f.path)))) await syncDirectory(dir);
}

/** Writes `data` to `target` atomically (see writeFilesAtomic). */
export async function writeFileAtomic(target: string, data: string | Uint8Array, ops: WriteOps = NODE_WRITE_OPS): Promise<void> {
  await writeFilesAtomic([{ path: target, data }], ops);
}

/** fsync the directory so the rename itself survives a power cut (best effort: not on every OS). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot open or fsync a directory; the rename is still atomic.
  }
}
