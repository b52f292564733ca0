import { UserError } from '../core/user-error.js';
import { fileError } from '../fs/file-errors.js';
/**
 * Runs an engine call; what the engine refuses (EngineUnsupported, a tfjs error) becomes a
 * user-facing UserError naming the cause, so the session carries on.
 */
export async function engineStep<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UserError) throw err;
    const problem = fileError(err);
    if (problem instanceof UserError) throw problem;
    if (err instanceof Error && err.name === 'EngineUnsupported') throw new UserError(err.message, (err as Error & { hint?: string }).hint);
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UserError(`tfjs could not run this: ${detail}`);
  }
}
