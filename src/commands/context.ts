import { createEngineAccess } from './engine-access.js';
import { ModelSession } from '../session/session.js';
import type { CommandContext } from './types.js';

/** Everything a klayers session starts with. The REPL, replay and tests all make it here. */
export function createContext(options: { columns: number; backend?: string }): CommandContext {
  return { session: new ModelSession(), columns: options.columns, engine: createEngineAccess(options.backend ?? 'auto') };
}
