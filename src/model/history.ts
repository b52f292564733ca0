import { EMPTY_STATE, type ModelState } from './state.js';

/** Undo/redo over immutable states: an edit pushes the old state; a refused edit pushes nothing. */
export class EditHistory {
  private past: ModelState[] = [];
  private future: ModelState[] = [];
  private now: ModelState = EMPTY_STATE;

  get current(): ModelState {
    return this.now;
  }

  commit(next: ModelState): void {
    this.past.push(this.now);
    this.future = [];
    this.now = next;
  }

  /** Everything, so a change found unworkable after the fact can be taken back without a trace. */
  snapshot(): { past: ModelState[]; future: ModelState[]; now: ModelState } {
    return { past: [...this.past], future: [...this.future], now: this.now };
  }

  restore(snap: { past: ModelState[]; future: ModelState[]; now: ModelState }): void {
    this.past = [...snap.past];
    this.future = [...snap.future];
    this.now = snap.now;
  }

  undo(): boolean {
    const prev = this.past.pop();
    if (!prev) return false;
    this.future.push(this.now);
    this.now = prev;
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (!next) return false;
    this.past.push(this.now);
    this.now = next;
    return true;
  }
}
