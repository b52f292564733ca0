/**
 * The bookkeeping of one fit, driven by tfjs's callbacks: Keras-named running logs, events for
 * the live view, stop/pause between batches, constraints after every step, early stopping.
 *
 * Batch values are read only when someone listens (the live view). On the cpu, wasm and native
 * backends ops run eagerly, so the loss scalar tfjs already computed is read, not recomputed.
 */
import * as tf from '../backend/tf.js';
import type { Logs, TrainingEvent, EpochSummary, StopInfo } from '../../core/training.js';
import { applyConstraints } from '../keras/constraints.js';
import { FitControl } from './fit-control.js';
import type { FitSpec } from './types.js';

/** How often a listened-to fit lets the event loop run (keys, redraws), in ms. */
const YIELD_EVERY_MS = 40;

type TensorLogs = Record<string, number | tf.Scalar>;

const valueOf = (v: number | tf.Scalar): number => (typeof v === 'number' ? v : v.dataSync()[0]!);

/** Keras prints logs in alphabetical order. */
export function sortedLogs(logs: Record<string, number>): Logs {
  return Object.fromEntries(Object.keys(logs).sort().map((k) => [k, logs[k]!]));
}

export class FitRun {
  readonly control = new FitControl();
  readonly epochs: EpochSummary[] = [];
  stopped: StopInfo | null = null;
  readonly stepsPerEpoch: number;
  private readonly names: string[];
  private readonly constrained: boolean;
  private readonly emit: ((e: TrainingEvent) => void) | null;
  private epochIndex = 0;
  private epochStart = 0;
  private steps = 0;
  private seen = 0;
  private sums: Record<string, number> = {};
  private lastYield = 0;
  private best = Infinity;
  private wait = 0;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly spec: FitSpec,
  ) {
    // Sorted once: Keras prints logs alphabetically, and each batch's logs are built in this order.
    this.names = ['loss', ...spec.compile.metrics.map((m) => m.name)].sort();
    this.constrained = model.layers.some((l) => l.weights.some((w) => w.constraint != null));
    this.stepsPerEpoch = Math.ceil(spec.train.size / spec.batchSize);
    this.emit = spec.hooks ? (e) => spec.hooks!.onEvent(e) : null;
  }

  /** Keras's print order of this fit's log names (no `val_`). */
  get metricNames(): string[] {
    return [...this.names];
  }

  start(): void {
    this.emit?.({
      kind: 'started',
      epochs: this.spec.epochs,
      firstEpoch: this.spec.firstEpoch,
      stepsPerEpoch: this.stepsPerEpoch,
      samples: this.spec.train.size,
      batchSize: this.spec.batchSize,
      metrics: this.metricNames,
      hasValidation: this.spec.validation !== null,
    });
    this.lastYield = performance.now();
  }

  epochBegin(epoch: number): void {
    this.epochIndex = epoch;
    this.epochStart = performance.now();
    this.steps = 0;
    this.seen = 0;
    this.sums = {};
  }

  async batchEnd(batch: number, logs: TensorLogs): Promise<void> {
    if (this.constrained) applyConstraints(this.model);
    const size = typeof logs['size'] === 'number' ? logs['size'] : 0;
    this.steps = batch + 1;
    this.seen += size;
    if (this.emit) {
      const running: Record<string, number> = {};
      for (const name of this.names) {
        this.sums[name] = (this.sums[name] ?? 0) + valueOf(logs[name]!) * size;
        running[name] = this.sums[name] / this.seen;
      }
      this.emit({ kind: 'batch', epoch: this.globalEpoch, step: this.steps, logs: running, elapsedMs: performance.now() - this.epochStart });
    }
    if (this.control.paused) {
      this.emit?.({ kind: 'paused' });
      await this.control.waitWhilePaused();
      this.emit?.({ kind: 'resumed' });
    }
    if (this.control.stopReason) this.stop(this.control.stopReason, this.steps);
    else if (this.emit && performance.now() - this.lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.lastYield = performance.now();
    }
  }

  epochEnd(logs: TensorLogs): void {
    const values: Record<string, number> = {};
    for (const [key, v] of Object.entries(logs)) values[key] = valueOf(v);
    if ('val_loss' in values) values['val_loss']! += this.penalty();
    const summary: EpochSummary = { epoch: this.globalEpoch, logs: sortedLogs(values), elapsedMs: performance.now() - this.epochStart, steps: this.steps };
    this.epochs.push(summary);
    const seconds = summary.elapsedMs / 1000;
    this.emit?.({ kind: 'epoch', epoch: summary.epoch, logs: summary.logs, elapsedMs: summary.elapsedMs, samplesPerSec: seconds > 0 ? this.seen / seconds : 0 });
    if (this.spec.patience !== null && !this.stopped) this.earlyStopping(values);
  }

  finish(): void {
    const history: Record<string, number[]> = {};
    for (const e of this.epochs) for (const [k, v] of Object.entries(e.logs)) (history[k] ??= []).push(v);
    this.emit?.({ kind: 'finished', history });
  }

  /**
   * The current epoch was interrupted (Ctrl-C) before its last batch: Keras still validates it.
   * An abort ends the fit without that pass.
   */
  get stoppedInsideEpoch(): boolean {
    return this.stopped?.reason === 'interrupt' && this.stopped.epoch === this.globalEpoch;
  }

  private get globalEpoch(): number {
    return this.spec.firstEpoch + this.epochIndex;
  }

  private stop(reason: StopInfo['reason'], step: number): void {
    this.model.stopTraining = true;
    this.stopped = { epoch: this.globalEpoch, step, reason };
    this.emit?.({ kind: 'stopped', ...this.stopped });
  }

  /** Keras's EarlyStopping (min_delta=0, mode min, no baseline) on val_loss, else loss. */
  private earlyStopping(values: Record<string, number>): void {
    const current = values['val_loss'] ?? values['loss'];
    if (current === undefined) return;
    this.wait += 1;
    if (current < this.best) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.wait >= this.spec.patience! && this.epochIndex > 0) this.stop('early_stopping', this.steps);
  }

  /** Weight-regularization penalty: Keras counts it in val_loss, tfjs's validation does not. */
  private penalty(): number {
    return tf.tidy(() => {
      const losses = this.model.calculateLosses();
      return losses.length === 0 ? 0 : losses.reduce((a, b) => tf.add(a, b)).dataSync()[0]!;
    });
  }
}
