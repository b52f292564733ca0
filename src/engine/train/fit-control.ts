/**
 * The control a running fit hands to the UI: stop after the current batch, abort, pause and
 * resume. Pausing parks the training loop on a promise between batches.
 */
import type { TrainingControl } from '../../core/training.js';

export class FitControl implements TrainingControl {
  stopReason: 'interrupt' | 'abort' | null = null;
  private resumeWaiter: (() => void) | null = null;
  private pausedFlag = false;

  get paused(): boolean {
    return this.pausedFlag;
  }

  stop(): void {
    this.stopReason ??= 'interrupt';
    this.resume();
  }

  abort(): void {
    this.stopReason = 'abort';
    this.resume();
  }

  pause(): void {
    if (this.stopReason === null) this.pausedFlag = true;
  }

  resume(): void {
    this.pausedFlag = false;
    this.resumeWaiter?.();
    this.resumeWaiter = null;
  }

  /** Resolves once resumed (or stopped); immediately when not paused. */
  waitWhilePaused(): Promise<void> {
    if (!this.pausedFlag) return Promise.resolve();
    return new Promise((resolve) => (this.resumeWaiter = resolve));
  }
}
