import { createEngineAccess } from './engine-access.js';
import { ModelSession } from '../session/session.js';
import { DataSession } from '../data/data-session.js';
import type { CommandContext } from './types.js';

/** Everything a klayers session starts with. The REPL, replay and tests all make it here. */
export function createContext(options: { columns: number; backend?: string; progress?: (text: string) => void }): CommandContext {
  const base = { session: new ModelSession(), columns: options.columns, engine: createEngineAccess(options.backend ?? 'auto'), data: new DataSession() };
  return options.progress ? { ...base, progress: options.progress } : base;
}
