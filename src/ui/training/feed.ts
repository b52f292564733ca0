/**
 * The REPL's end of a fit: the TrainingHooks a fit reports to (through ctx.training), the
 * folded state the live view draws (published at most 10 times a second, never per batch), and
 * the keys that reach the fit while it runs: Ctrl-C stops after the current batch, a second
 * Ctrl-C within a second aborts, `p` pauses and resumes.
 */
import type { TrainingControl, TrainingEvent, TrainingHooks } from '../../core/training.js';
import type { Key } from '../editor/keys.js';
import { reduceTraining, type LiveTraining, type LocalEvent } from './live-state.js';
import { realClock, Throttle, type Clock } from './throttle.js';

/** ≤ 10 redraws a second. */
const REDRAW_INTERVAL_MS = 100;
/**
 * Redraws may take this share of the time at most: where one is slow (a big terminal, a busy
 * machine; Ink re-lays-out every character of the view) they come less often, down to 2 a second.
 */
const REDRAW_BUDGET = 0.02;
const SLOWEST_INTERVAL_MS = 500;
/** A second Ctrl-C this soon after the first aborts. */
const ABORT_WINDOW_MS = 1000;

export class TrainingFeed implements TrainingHooks {
  private latest: LiveTraining | null = null;
  /** The newest batch not folded in yet: a batch costs two assignments until the next redraw. */
  private pendingBatch: TrainingEvent | null = null;
  private shown: LiveTraining | null = null;
  private controlNow: TrainingControl | null = null;
  private lastInterrupt = -Infinity;
  private redrawMs = 0;
  private readonly viewListeners = new Set<() => void>();
  private readonly controlListeners = new Set<() => void>();
  private readonly throttle: Throttle;

  constructor(private readonly clock: Clock = realClock) {
    this.throttle = new Throttle(() => this.publish(), REDRAW_INTERVAL_MS, clock);
  }

  onEvent(event: TrainingEvent): void {
    // Step 1 is folded at once: the step rate is timed from its end (Keras leaves it out).
    if (event.kind === 'batch' && event.step !== 1) this.pendingBatch = event;
    else this.fold(event);
    // Batches and epochs wait for the next redraw; what changes the view's words shows at once.
    if (event.kind === 'batch' || event.kind === 'epoch') this.throttle.request();
    else this.throttle.flush();
  }

  private fold(event: TrainingEvent | LocalEvent): void {
    if (this.pendingBatch) this.latest = reduceTraining(this.latest, this.pendingBatch);
    this.pendingBatch = null;
    this.latest = reduceTraining(this.latest, event);
  }

  setControl(control: TrainingControl | null): void {
    this.controlNow = control;
    this.lastInterrupt = -Infinity;
    if (control === null) {
      this.latest = null;
      this.pendingBatch = null;
      this.throttle.flush();
    }
    for (const listener of this.controlListeners) listener();
  }

  /** Whether a fit runs (it has handed over its control). */
  get fitting(): boolean {
    return this.controlNow !== null;
  }

  /** The state the view shows: the latest as of the last redraw. */
  readonly snapshot = (): LiveTraining | null => this.shown;

  /** useSyncExternalStore's subscribe: called at most every REDRAW_INTERVAL_MS while training. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  /** Told when a fit starts or ends (the App hides its prompt meanwhile). */
  readonly subscribeControl = (listener: () => void): (() => void) => {
    this.controlListeners.add(listener);
    return () => this.controlListeners.delete(listener);
  };

  /** How long the view's last redraw took (render to frame written): sets the redraw rate. */
  reportRedraw(ms: number): void {
    this.redrawMs = this.redrawMs === 0 ? ms : 0.8 * this.redrawMs + 0.2 * ms;
    this.throttle.intervalMs = Math.min(SLOWEST_INTERVAL_MS, Math.max(REDRAW_INTERVAL_MS, this.redrawMs / REDRAW_BUDGET));
  }

  /** Milliseconds between redraws now. */
  get redrawInterval(): number {
    return this.throttle.intervalMs;
  }

  /** A key typed while a fit runs; true when it was the fit's (every key is while one runs). */
  press(key: Key): boolean {
    const control = this.controlNow;
    if (control === null) return false;
    if (key.name === 'interrupt') this.interrupt(control);
    else if (key.name === 'insert' && /p/i.test(key.text)) {
      if (control.paused) control.resume();
      else control.pause();
      this.onEvent({ kind: control.paused ? 'paused' : 'resumed' });
    }
    return true;
  }

  private interrupt(control: TrainingControl): void {
    const now = this.clock.now();
    const second = now - this.lastInterrupt <= ABORT_WINDOW_MS;
    this.lastInterrupt = now;
    if (second) control.abort();
    else control.stop();
    this.fold({ kind: 'requested', what: second ? 'abort' : 'interrupt' });
    this.throttle.flush();
  }

  private publish(): void {
    if (this.pendingBatch) this.latest = reduceTraining(this.latest, this.pendingBatch);
    this.pendingBatch = null;
    this.shown = this.latest;
    for (const listener of this.viewListeners) listener();
  }
}
