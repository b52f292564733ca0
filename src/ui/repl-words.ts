import type { ModelSession } from '../model/session.js';
import type { StatusInfo } from './components/StatusLine.js';

/** `exit`, `quit`, `exit()`, `quit()`: leave, as Python's REPL does. */
export const isLeaveCommand = (source: string): boolean => /^\s*(exit|quit)(\(\))?\s*$/.test(source);

/** Asked once on the way out when the model changed since start. */
export function unsavedQuestion(changes: number): string {
  return `Leave with ${changes} unsaved ${changes === 1 ? 'change' : 'changes'}? (y/n) `;
}

/** `Backend: cpu (auto: native TensorFlow is not set up)` → `cpu`. */
export function backendName(description: string): string | null {
  return /^Backend:\s*(\S+)/.exec(description)?.[1] ?? null;
}

export const WELCOME = 'klayers: build Keras models in a terminal. Type help, or Input(shape=(4,)) then Dense(3).';

/** What the status line shows about the model right now. */
export function modelStatus(session: ModelSession): Pick<StatusInfo, 'modelName' | 'layerCount' | 'totalParams'> {
  const state = session.state;
  let totalParams: number | null = null;
  try {
    const a = session.analysis();
    totalParams = a.built ? a.trainableParams + a.nonTrainableParams : null;
  } catch {
    // An accepted state always analyses; a status line must never be the thing that throws.
  }
  return { modelName: state.modelName, layerCount: state.layers.length, totalParams };
}
