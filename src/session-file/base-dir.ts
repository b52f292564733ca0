import { isAbsolute, resolve } from 'node:path';

/**
 * A path a command names, resolved as the session sees it: against the session file's directory
 * when a file is replayed (so a shared session finds its data beside it, wherever it is run
 * from), else against the working directory.
 */
export function resolveFromBase(path: string, baseDir: string | undefined): string {
  if (isAbsolute(path) || baseDir === undefined) return path;
  return resolve(baseDir, path);
}
