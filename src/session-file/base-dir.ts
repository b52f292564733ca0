import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/user-error.js';

/**
 * A path a command names, resolved as the session sees it: against the session file's directory
 * when a file is replayed (so a shared session finds its data beside it, wherever it is run
 * from), else against the working directory.
 */
export function resolveFromBase(path: string, baseDir: string | undefined): string {
  if (isAbsolute(path) || baseDir === undefined) return path;
  return resolve(baseDir, path);
}

/** Where a command's paths resolve, and (replaying a file) the directories it may touch. */
interface PathScope {
  readonly baseDir?: string;
  /** Absent: any path (the user's own commands). Present: only paths inside one of these. */
  readonly allowedRoots?: readonly string[];
}

/** The path with every symlink of its existing part followed (the part not yet made is kept as named). */
function realPath(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync.native(head), ...tail.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return resolve(path);
      tail.push(basename(head));
      head = parent;
    }
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The absolute path a command reads or writes for `path`. A replayed session file may only reach
 * inside its own directory tree (and the directories `--allow-path` names); symlinks count where
 * they lead. Anything else is a UserError naming the path and the option that allows it.
 */
export function commandPath(scope: PathScope, path: string): string {
  const full = resolve(resolveFromBase(path, scope.baseDir));
  const roots = scope.allowedRoots;
  if (roots === undefined) return full;
  const real = realPath(full);
  if (roots.some((root) => isInside(real, realPath(root)))) return full;
  throw new UserError(
    `'${path}' is outside ${roots.join(', ')}: a replayed session file reads and writes only inside its own directory.`,
    `If you trust it, allow the directory: klayers replay FILE --allow-path ${dirname(full)} (or --allow-any-path).`,
  );
}
