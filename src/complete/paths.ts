import { readdirSync, statSync, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { completion } from './match.js';
import type { Candidate, Completion, CompletionContext } from './types.js';

/**
 * File names for commands that take a path (`replay`, `load`, ...), as a shell completes them:
 * relative to the session's directory, `~` for home, directories ending in `/`, hidden files
 * only when the typed name starts with a dot. A quoted path keeps its quote.
 */

function isDirectory(dir: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, entry.name)).isDirectory();
  } catch {
    return false;
  }
}

function listDirectory(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Where a typed directory part points (`~/data/` → /home/me/data/). */
function directoryOf(typedDir: string, ctx: CompletionContext): string {
  const home = ctx.home ?? homedir();
  if (typedDir === '~' || typedDir.startsWith('~/')) return join(home, typedDir.slice(1));
  return resolve(ctx.cwd, typedDir === '' ? '.' : typedDir);
}

/** Completes the path `token` typed at `tokenStart` (it may start with a quote). */
export function completePath(token: string, tokenStart: number, cursor: number, ctx: CompletionContext, closed: boolean): Completion {
  const quote = token.startsWith("'") || token.startsWith('"') ? token[0]! : '';
  const typed = token.slice(quote.length);
  // `~` alone completes to the home directory itself.
  if (typed === '~') return completion(tokenStart, cursor, [{ text: `${quote}~/`, display: '~/', kind: 'path' }]);
  const slash = typed.lastIndexOf('/');
  const typedDir = typed.slice(0, slash + 1);
  const base = typed.slice(slash + 1);
  const dir = directoryOf(typedDir, ctx);
  const candidates = listDirectory(dir)
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
    // By name, as `ls` lists them: `mnist/` before `mnist.klayers`.
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e): Candidate => {
      const folder = isDirectory(dir, e);
      // A name the command line would split (spaces, commas, quotes) gets quoted.
      const q = quote || (/[\s,'"#()[\]=]/.test(typedDir + e.name) ? "'" : '');
      const end = folder ? '/' : q && !closed ? q : '';
      return { text: `${q}${typedDir}${e.name}${end}`, display: folder ? `${e.name}/` : e.name, kind: 'path' };
    });
  return completion(tokenStart, cursor, candidates);
}
