/**
 * File-system failures (EACCES, EISDIR, ENOENT, ENAMETOOLONG, …) as the user should read them:
 * one line naming the path, and a hint saying what to do. Every command that reads or writes a
 * file the user named goes through fileError, so none prints a Node error code.
 */
import { UserError } from '../core/user-error.js';
import { tempTarget } from './atomic-write.js';

type Doing = 'read' | 'write';

/** A path as a message shows it: a very long one is cut in the middle. */
function shownPath(path: string): string {
  return path.length <= 80 ? path : `${path.slice(0, 40)}…${path.slice(-30)}`;
}

/** `.model.json.4711-3f9a…tmp` (an atomic write's temp file) → `model.json`: the file the user named. */
function userPath(path: string): string {
  return tempTarget(path) ?? path;
}

/** The errno code of a Node file-system error, or undefined for anything else. */
export function fsErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * The UserError for a file-system failure on `path` (the path the user gave; else the error's
 * own, and whether it was read or written from the failing call), or `err` itself when it is not one. Use as `catch (err) { throw fileError(err, path, 'read'); }`.
 */
export function fileError(err: unknown, path?: string, given?: Doing): unknown {
  const code = fsErrorCode(err);
  if (err instanceof UserError || code === undefined) return err;
  const { path: own, syscall } = err as { path?: unknown; syscall?: unknown };
  const raw = path ?? (typeof own === 'string' ? own : '');
  const doing = given ?? (userPath(raw) !== raw || /^(mkdir|rename|write|unlink|rmdir|copyfile)/.test(String(syscall)) ? 'write' : 'read');
  const p = shownPath(userPath(raw));
  switch (code) {
    case 'ENOENT':
      return doing === 'read'
        ? new UserError(`No such file or directory: ${p}`, `Check the path; relative paths start at ${process.cwd()}.`)
        : new UserError(`Cannot write ${p}: its directory does not exist.`, 'Create the directory first, or give another path.');
    case 'EACCES':
    case 'EPERM':
      return new UserError(`Permission denied: cannot ${doing} ${p}`, doing === 'read' ? 'Check the file’s permissions (chmod), or copy it somewhere readable.' : 'Choose a directory you can write to, or change its permissions.');
    case 'EISDIR':
      return new UserError(`${p} is a directory, not a file.`, doing === 'read' ? 'Give the path of a file inside it.' : 'Give a file name, e.g. model.py.');
    case 'ENOTDIR':
      return new UserError(`${p} is not a valid path: a part of it is a file, not a directory.`, 'Check the path.');
    case 'ENAMETOOLONG':
      return new UserError(`The path is too long: ${p}`, 'Use a shorter file name.');
    case 'EEXIST':
      return new UserError(`${p} already exists.`, 'Remove it first, or give another path.');
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`No space left to write ${p}`, 'Free some disk space, or write elsewhere.');
    case 'EROFS':
      return new UserError(`Cannot write ${p}: the file system is read-only.`, 'Give a path on a writable disk.');
    case 'ELOOP':
      return new UserError(`${p} is a loop of symbolic links.`, 'Give the path of a real file.');
    case 'EMFILE':
    case 'ENFILE':
      return new UserError(`Too many open files to ${doing} ${p}`, 'Close some programs and try again.');
    default:
      return new UserError(`Cannot ${doing} ${p} (${code}).`, 'Check the path and its permissions.');
  }
}
