import { createSession, type KlayersSession } from '../session/klayers-session.js';
import type { CommandContext } from './types.js';

/**
 * A command context over a new session (or the one given). The REPL, replay and tests all make
 * their context here.
 */
export function createContext(options: { columns: number; backend?: string; session?: KlayersSession; progress?: (text: string) => void; baseDir?: string; allowedRoots?: readonly string[] }): CommandContext {
  const session = options.session ?? createSession(options.backend !== undefined ? { backend: options.backend } : {});
  return { session, columns: options.columns, ...(options.progress ? { progress: options.progress } : {}), ...(options.baseDir !== undefined ? { baseDir: options.baseDir } : {}), ...(options.allowedRoots ? { allowedRoots: options.allowedRoots } : {}) };
}
