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

/**
 * `.model.json.4711-3f9a…tmp` in the target's directory (a rename across devices is not atomic).
 * The writer's process id is in the name, so a later write can tell a killed write's leftover.
 */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** `.model.json.4711-3f9a…tmp`: the target's name, the writer's process id (older ones: none), a random tag. */
const TEMP_FILE = /^\.(.+)\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

/** The file a temp file of tempPathFor will become (`model.json`), or null for any other name. */
export function tempTarget(path: string): string | null {
  const m = TEMP_FILE.exec(basename(path));
  return m ? join(dirname(path), m[1]!) : null;
}
/** A temp file without a process id (written before ids were in the name) is stale after this. */
const UNOWNED_STALE_MS = 10 * 60_000;

/** Whether a process is still running (its files are in use). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files that killed writes left in `dir`: those of processes that have ended
 * (this process's own are never touched: another thread of it may be writing), and unnamed ones
 * older than ten minutes. Best effort.
 */
export async function removeStaleTemps(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const pid = m[2] === undefined ? null : Number.parseInt(m[2], 10);
    const stale = pid === null ? ((await fs.stat(path).catch(() => null))?.mtimeMs ?? Date.now()) < Date.now() - UNOWNED_STALE_MS : pid !== process.pid && !isAlive(pid);
    if (stale) await fs.rm(path, { force: true }).catch(() => {});
  }
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
  for (const dir of new Set(files.map((f) => dirname(f.path)))) await removeStaleTemps(dir);
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
