/**
 * Keras 3's progress bar text (keras/src/utils/progbar.py): the verbose=1 line the live view
 * redraws (`12/47 ━━━━━━━━━━━━━━━━━━━━ 2s 41ms/step - loss: 0.4321`) and the verbose=2 line
 * printed once per epoch (`47/47 - 1s - 21ms/step - accuracy: 0.9123 - loss: 0.2345`).
 * Metrics print in the order given; callers pass Keras's alphabetical order.
 */
import type { Logs } from '../core/training.js';
import { pyExponent, pyFixed } from '../core/python.js';

/** Keras's bar: 20 characters, the done part green and the rest white on a colour terminal. */
const BAR_WIDTH = 20;
const BAR_CHAR = '━';

/** ` 41ms/step`, ` 2s/step`, ` 850us/step` (Progbar._format_time, with its leading space). */
export function formatStepTime(secondsPerStep: number): string {
  if (secondsPerStep >= 1 || secondsPerStep === 0) return ` ${pyFixed(secondsPerStep, 0)}s/step`;
  if (secondsPerStep >= 1e-3) return ` ${pyFixed(secondsPerStep * 1000, 0)}ms/step`;
  return ` ${pyFixed(secondsPerStep * 1e6, 0)}us/step`;
}

/** Keras's ETA: `5s`, `1:05`, `1:01:05` (seconds truncated, as Python's %d does). */
export function formatEta(seconds: number): string {
  const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
  if (seconds > 3600) return `${Math.floor(seconds / 3600)}:${two((seconds % 3600) / 60)}:${two(seconds % 60)}`;
  if (seconds > 60) return `${Math.floor(seconds / 60)}:${two(seconds % 60)}`;
  return `${Math.floor(seconds)}s`;
}

/** A metric value as Keras prints it: `0.2345`, or `1.2000e-04` at or below 1e-3 (verbose=1 compares |v|, verbose=2 v). */
export function formatMetric(v: number, verbose: 1 | 2 = 2): string {
  return (verbose === 1 ? Math.abs(v) : v) > 1e-3 ? pyFixed(v, 4) : pyExponent(v, 4);
}

/** ` - loss: 0.2345 - mae: 1.2000e-04`. */
function formatLogs(logs: Logs, verbose: 1 | 2): string {
  return Object.entries(logs)
    .map(([k, v]) => ` - ${k}: ${formatMetric(v, verbose)}`)
    .join('');
}

/** `%{n}d/%d`: the step right-aligned to the width of the total. */
function stepCount(step: number, steps: number): string {
  const digits = Math.floor(Math.log10(steps)) + 1;
  return `${String(step).padStart(digits)}/${steps}`;
}

/**
 * One epoch's verbose=2 line; Keras times the whole epoch over its steps. An epoch stopped
 * partway shows the steps it ran over the epoch's steps (`9/15`), timed over the steps run.
 * (Keras's own Progbar jumps to `15/15` when it finalizes; klayers says where it stopped.)
 */
export function formatEpochLine(epoch: { readonly steps: number; readonly elapsedMs: number; readonly logs: Logs }, stepsPerEpoch = epoch.steps): string {
  const seconds = epoch.elapsedMs / 1000;
  const perStep = epoch.steps > 0 ? seconds / epoch.steps : 0;
  return `${stepCount(epoch.steps, Math.max(epoch.steps, stepsPerEpoch))} - ${pyFixed(seconds, 0)}s -${formatStepTime(perStep)}${formatLogs(epoch.logs, 2)}`;
}

/** Where an epoch is, as the live view knows it from training events. */
interface ProgressState {
  readonly step: number;
  readonly steps: number;
  /** Milliseconds since the epoch started. */
  readonly elapsedMs: number;
  /** Milliseconds since the epoch started when step 1 ended (Keras leaves the first step out of its rate). */
  readonly firstStepMs?: number;
  /** Running epoch means, Keras-named, in print order. */
  readonly logs: Logs;
  /** The epoch is over: elapsed time replaces the ETA. */
  readonly finished?: boolean;
}

/** Colours for the bar (the live view passes ANSI painters; plain text leaves them out). */
export interface ProgressStyle {
  readonly done?: (s: string) => string;
  readonly todo?: (s: string) => string;
  readonly bold?: (s: string) => string;
}

/** Progbar._estimate_step_duration: after step 1, the rate excludes step 1. */
function secondsPerStep(s: ProgressState): number {
  if (s.step === 0) return 0;
  if (s.firstStepMs !== undefined && s.step > 1) return (s.elapsedMs - s.firstStepMs) / 1000 / (s.step - 1);
  return s.elapsedMs / 1000 / s.step;
}

/**
 * The verbose=1 line, fitted to `width` columns by dropping whole metrics from the end (the bar
 * itself shrinks only on terminals too narrow for it).
 */
export function formatProgressLine(state: ProgressState, width: number, style: ProgressStyle = {}): string {
  const finished = state.finished ?? state.step >= state.steps;
  const perStep = secondsPerStep(state);
  const count = stepCount(state.step, state.steps);
  const time = finished ? `${pyFixed(state.elapsedMs / 1000, 0)}s` : formatEta(perStep * (state.steps - state.step));
  const head = `${time}${formatStepTime(perStep)}`;
  const metrics = formatLogs(state.logs, 1).split(/(?= - )/).filter(Boolean);
  const bar = Math.max(0, Math.min(BAR_WIDTH, width - count.length - head.length - 2));
  let tail = '';
  for (const m of metrics) {
    if (count.length + 1 + bar + 1 + head.length + tail.length + m.length > width) break;
    tail += m;
  }
  const doneWidth = Math.floor((bar * state.step) / Math.max(1, state.steps));
  const paint = (f: ((s: string) => string) | undefined, s: string) => (f && s ? f(s) : s);
  const barText = paint(style.done, BAR_CHAR.repeat(doneWidth)) + paint(style.todo, BAR_CHAR.repeat(bar - doneWidth));
  return `${paint(style.bold, count)} ${barText} ${paint(style.bold, time)}${head.slice(time.length)}${tail}`;
}
