import { createEngineAccess } from './engine-access.js';
import { ModelSession } from '../model/session.js';
import { DataSession } from '../data/data-session.js';
import type { CommandContext } from './types.js';
import { Transcript } from '../session-file/transcript.js';
import { ParamStore } from '../session-file/params.js';

/** Everything a klayers session starts with. The REPL, replay and tests all make it here. */
export function createContext(options: { columns: number; backend?: string; progress?: (text: string) => void; baseDir?: string }): CommandContext {
  const base = { session: new ModelSession(), columns: options.columns, engine: createEngineAccess(options.backend ?? 'auto'), data: new DataSession(), transcript: new Transcript(), params: new ParamStore() };
  return { ...base, ...(options.progress ? { progress: options.progress } : {}), ...(options.baseDir !== undefined ? { baseDir: options.baseDir } : {}) };
}
