/**
 * The REPL's end of a fit: the TrainingHooks a fit reports to (through ctx.training), the
 * folded state the live view draws (published at most 10 times a second, never per batch), and
 * the keys that reach the fit while it runs: Ctrl-C stops after the current batch, a second
 * Ctrl-C within a second aborts, `p` pauses and resumes.
 */
import type { TrainingControl, TrainingEvent, TrainingHooks } from '../../train/events.js';
import type { Key } from '../editor/keys.js';
import { reduceTraining, type LiveTraining } from './live-state.js';
import { realClock, Throttle, type Clock } from './throttle.js';

/** ≤ 10 redraws a second. */
export const REDRAW_INTERVAL_MS = 100;
/** A second Ctrl-C this soon after the first aborts. */
export const ABORT_WINDOW_MS = 1000;

export class TrainingFeed implements TrainingHooks {
  private latest: LiveTraining | null = null;
  private shown: LiveTraining | null = null;
  private controlNow: TrainingControl | null = null;
  private lastInterrupt = -Infinity;
  private readonly viewListeners = new Set<() => void>();
  private readonly controlListeners = new Set<() => void>();
  private readonly throttle: Throttle;

  constructor(private readonly clock: Clock = realClock) {
    this.throttle = new Throttle(() => this.publish(), REDRAW_INTERVAL_MS, clock);
  }

  onEvent(event: TrainingEvent): void {
    this.latest = reduceTraining(this.latest, event);
    // A batch waits for the next redraw; what changes the view's words shows at once.
    if (event.kind === 'batch' || event.kind === 'epoch') this.throttle.request();
    else this.throttle.flush();
  }

  setControl(control: TrainingControl | null): void {
    this.controlNow = control;
    this.lastInterrupt = -Infinity;
    if (control === null) {
      this.latest = null;
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
    this.latest = reduceTraining(this.latest, { kind: 'requested', what: second ? 'abort' : 'interrupt' });
    this.throttle.flush();
  }

  private publish(): void {
    this.shown = this.latest;
    for (const listener of this.viewListeners) listener();
  }
}
