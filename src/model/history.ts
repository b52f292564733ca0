/**
 * Undo/redo over immutable states: an edit pushes the old state; a refused edit pushes nothing.
 * Generic, so the whole session's state (the model and the data together) can share one history.
 */
export class EditHistory<S> {
  private past: S[] = [];
  private future: S[] = [];

  constructor(private now: S) {}

  get current(): S {
    return this.now;
  }

  commit(next: S): void {
    this.past.push(this.now);
    this.future = [];
    this.now = next;
  }

  /** Everything, so a change found unworkable after the fact can be taken back without a trace. */
  snapshot(): HistorySnapshot<S> {
    return { past: [...this.past], future: [...this.future], now: this.now };
  }

  restore(snap: HistorySnapshot<S>): void {
    this.past = [...snap.past];
    this.future = [...snap.future];
    this.now = snap.now;
  }

  undo(): boolean {
    const prev = this.past.pop();
    if (prev === undefined) return false;
    this.future.push(this.now);
    this.now = prev;
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (next === undefined) return false;
    this.past.push(this.now);
    this.now = next;
    return true;
  }
}

export interface HistorySnapshot<S> {
  readonly past: readonly S[];
  readonly future: readonly S[];
  readonly now: S;
}

/**
 * Where a ModelSession keeps its states. On its own a ModelSession has a history of model states;
 * inside a KlayersSession it is a view of the session's history, whose states hold the data too,
 * so one `undo` takes back whichever came last, an edit or a load.
 */
export interface ModelStore {
  readonly current: import('./state.js').ModelState;
  commit(next: import('./state.js').ModelState): void;
  undo(): boolean;
  redo(): boolean;
}
