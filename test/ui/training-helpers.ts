import type { TrainingControl, TrainingEvent } from '../../src/core/training.js';
import type { Clock } from '../../src/ui/training/throttle.js';

/** A clock whose time moves only when a test says so; timers fire as it passes them. */
export class FakeClock implements Clock {
  time = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = (): number => this.time;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
}

/** A control that records what the UI asked of it. */
export function recordingControl(): TrainingControl & { calls: string[] } {
  const calls: string[] = [];
  let paused = false;
  return {
    calls,
    stop: () => calls.push('stop'),
    abort: () => calls.push('abort'),
    pause: () => {
      paused = true;
      calls.push('pause');
    },
    resume: () => {
      paused = false;
      calls.push('resume');
    },
    get paused() {
      return paused;
    },
  };
}

/**
 * A fit of 20 epochs × 47 steps of 32 samples (1500 rows), 41 ms a step: three finished epochs
 * (val_loss best in epoch 2), then 12 steps into epoch 4.
 */
export function scriptedFit(): TrainingEvent[] {
  const events: TrainingEvent[] = [
    { kind: 'started', epochs: 20, firstEpoch: 0, stepsPerEpoch: 47, samples: 1500, batchSize: 32, metrics: ['accuracy', 'loss'], hasValidation: true },
  ];
  const ends = [
    { accuracy: 0.6, loss: 1.0, val_accuracy: 0.55, val_loss: 1.2 },
    { accuracy: 0.7, loss: 0.6, val_accuracy: 0.65, val_loss: 0.8 },
    { accuracy: 0.75, loss: 0.5, val_accuracy: 0.6, val_loss: 0.9 },
  ];
  ends.forEach((logs, epoch) => {
    for (let step = 1; step <= 47; step += 1) events.push({ kind: 'batch', epoch, step, logs: { accuracy: logs.accuracy, loss: logs.loss }, elapsedMs: step * 41 });
    events.push({ kind: 'epoch', epoch, logs, elapsedMs: 2000, samplesPerSec: 750 });
  });
  for (let step = 1; step <= 12; step += 1) events.push({ kind: 'batch', epoch: 3, step, logs: { accuracy: 0.8, loss: 0.4321 }, elapsedMs: step * 41 });
  return events;
}
