/**
 * Calls `fire` at most once per `intervalMs`: the first request fires at once, later ones within
 * the interval coalesce into one call at its end. The clock is injected so tests need no waiting.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class Throttle {
  private last = -Infinity;
  private timer: unknown = null;

  constructor(
    private readonly fire: () => void,
    /** May change between calls (the live view stretches it when its redraws are slow). */
    public intervalMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  request(): void {
    if (this.timer !== null) return;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait <= 0) this.run();
    else this.timer = this.clock.setTimeout(() => this.run(), wait);
  }

  /** Fire now (a fit ended, a key was pressed): what the user did shows without delay. */
  flush(): void {
    this.cancel();
    this.run();
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    this.last = this.clock.now();
    this.fire();
  }
}
