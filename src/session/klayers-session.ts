/**
 * Everything a user has built in one klayers session, at one address: the model (with undo), the
 * loaded data, the training state, the engine handle, the transcript of accepted commands and
 * the `param` values. The REPL, replay and tests all make it with createSession.
 *
 * What each mechanism covers, per part:
 * - `undo`/`redo`: the model's layers and the loaded data, in one history: a `load`, `split`,
 *   `column` or `seed` re-split is undone like an edit. Not the compile, the seed, the fit
 *   history or the trained weights (after an undo the engine rebuilds the model and keeps the
 *   trained weights of every unchanged layer).
 * - A refused command (snapshot/restore around every line): all of the above plus the training
 *   state (compile, seed and the generator's position, fit history), so a refusal leaves no
 *   inferred compile behind and has drawn no random numbers. A fit that fails puts back the model
 *   the engine held before it (one it built is freed, so a replay builds it from the same
 *   numbers); trained weights are not rolled back: steps taken before the failure stay.
 * - The journal: every accepted command (the transcript), and the weights after each epoch.
 */
import type { Loaded } from '../data/load.js';
import { EditHistory, type HistorySnapshot, type ModelStore } from '../model/history.js';
import { ModelSession } from '../model/session.js';
import { EMPTY_STATE, type ModelState } from '../model/state.js';
import { ParamStore } from '../session-file/params.js';
import { Transcript } from '../session-file/transcript.js';
import { createEngineHandle, type EngineHandle } from './engine-handle.js';
import { ConstantStore, type ConstantSnapshot } from './constants.js';
import { TrainState, type TrainSnapshot } from './train-state.js';

/** What one undo step holds: the model and the data together. */
interface UndoableState {
  readonly model: ModelState;
  readonly data: Loaded | null;
}

/** A restore point for everything a refused command may have touched. */
interface SessionSnapshot {
  readonly history: HistorySnapshot<UndoableState>;
  readonly training: TrainSnapshot;
  readonly constants: ConstantSnapshot;
}

export class KlayersSession {
  private readonly history = new EditHistory<UndoableState>({ model: EMPTY_STATE, data: null });
  /** The layers, with undo; its history is this session's. */
  readonly model: ModelSession;
  readonly training = new TrainState();
  readonly transcript = new Transcript();
  readonly params = new ParamStore();
  /** A pasted script's module constants and model names (not undoable, like params). */
  readonly constants = new ConstantStore();

  constructor(readonly engine: EngineHandle) {
    const history = this.history;
    const store: ModelStore = {
      get current() {
        return history.current.model;
      },
      commit: (model) => history.commit({ ...history.current, model }),
      undo: () => history.undo(),
      redo: () => history.redo(),
    };
    this.model = new ModelSession(store);
  }

  /** The data set of the last successful load, or null. */
  get data(): Loaded | null {
    return this.history.current.data;
  }

  /** Replaces the data (after a load fully succeeded); undoable. */
  setData(data: Loaded | null): void {
    this.history.commit({ ...this.history.current, data });
  }

  /**
   * Runs `work` so that whatever it changes in the model and the data is one undo step (a load
   * that also gives the model its Input is undone at once).
   */
  async oneStep<T>(work: () => T | Promise<T>): Promise<T> {
    const before = this.history.snapshot();
    const result = await work();
    const after = this.history.current;
    if (after !== before.now) {
      this.history.restore(before);
      this.history.commit(after);
    }
    return result;
  }

  snapshot(): SessionSnapshot {
    return { history: this.history.snapshot(), training: this.training.snapshot(), constants: this.constants.snapshot() };
  }

  restore(snap: SessionSnapshot): void {
    this.history.restore(snap.history);
    this.training.restore(snap.training);
    this.constants.restore(snap.constants);
  }
}

/** A new session whose engine uses the backend `backend` (default `auto`), or the handle given. */
export function createSession(options: { backend?: string; engine?: EngineHandle } = {}): KlayersSession {
  return new KlayersSession(options.engine ?? createEngineHandle(options.backend ?? 'auto'));
}
