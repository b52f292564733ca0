/**
 * The live view as lines of text, from the folded state and the space it may take: the loss
 * curves (the shared chart renderer), `Epoch 3/20`, Keras's progress bar, and a line with
 * samples/s, the fit's ETA, the best epoch so far and the keys. Pure, so the bench and the
 * tests draw exactly what the REPL draws.
 */
import { renderChart } from '../../render/chart.js';
import { formatEta, formatMetric, formatProgressLine, type ProgressStyle } from '../../render/progress.js';
import { bestEpoch, type LiveTraining } from './live-state.js';

/** Colours (ANSI painters) when the terminal shows them; plain text leaves them out. */
export interface LivePaint {
  /** One per series; empty for no colour. */
  readonly series: readonly ((s: string) => string)[];
  readonly bar: ProgressStyle;
  readonly note: (s: string) => string;
}

/** Rows besides the chart: `Epoch k/n`, the bar, the stats line. */
const FIXED_ROWS = 3;
/** asciichart draws height + 1 rows; the epoch axis and the legend come under them. */
const CHART_EXTRA_ROWS = 3;
/** A taller plot tells little more, and leaves the transcript no room. */
const MAX_PLOT_ROWS = 10;

/** Samples per second in the epoch that runs, else the last epoch's. */
function samplesPerSecond(s: LiveTraining): number {
  if (!s.epochEnded && s.step > 0 && s.elapsedMs > 0) return (Math.min(s.step * s.batchSize, s.samples) / s.elapsedMs) * 1000;
  return s.finished.at(-1)?.samplesPerSec ?? 0;
}

/** Seconds until the fit ends: the rest of this epoch at its step rate, then whole epochs as long as the finished ones took. */
function fitEtaSeconds(s: LiveTraining): number | null {
  const perStep = s.step > 0 ? s.elapsedMs / s.step : 0;
  const finishedMs = s.finished.reduce((t, e) => t + e.elapsedMs, 0);
  const perEpoch = s.finished.length > 0 ? finishedMs / s.finished.length : perStep * s.stepsPerEpoch;
  if (perEpoch === 0) return null;
  const restOfEpoch = s.epochEnded ? 0 : (s.stepsPerEpoch - s.step) * perStep;
  const laterEpochs = s.epochs - s.epoch - 1;
  return (restOfEpoch + laterEpochs * perEpoch) / 1000;
}

function statsLine(s: LiveTraining): string {
  const parts = [`${Math.round(samplesPerSecond(s)).toLocaleString('en-US')} samples/s`];
  const eta = fitEtaSeconds(s);
  if (eta !== null) parts.push(`ETA ${formatEta(eta)}`);
  const best = bestEpoch(s);
  if (best) parts.push(`best ${best.key} ${formatMetric(best.value)} (epoch ${best.epoch})`);
  return parts.join(' · ');
}

/** `Epoch 6/20 · p pause · Ctrl-C stop`, or what the fit is doing instead of training. */
function epochLine(s: LiveTraining): string {
  const head = `Epoch ${Math.min(s.epoch + 1, s.epochs)}/${s.epochs}`;
  if (s.stopping === 'interrupt') return `${head} · stopping after this batch (Ctrl-C again aborts)`;
  if (s.stopping === 'abort') return `${head} · aborting`;
  if (s.stopping === 'early_stopping') return `${head} · early stopping`;
  if (s.paused) return `${head} · paused (p resumes)`;
  return `${head} · p pause · Ctrl-C stop`;
}

/** Cut to `columns` with an ellipsis (these lines are plain words, one column a character). */
function fitWidth(line: string, columns: number): string {
  return line.length <= columns ? line : `${line.slice(0, Math.max(0, columns - 1))}…`;
}

/** The last chart drawn: it changes only when an epoch ends or the terminal is resized. */
let lastChart: { key: readonly unknown[]; lines: string[] } | null = null;

/** The chart, sized to what is left of `rows`; a one-line note until epoch 1 ends. */
function chartLines(s: LiveTraining, columns: number, rows: number, paint?: LivePaint): string[] {
  const key = [s.finished, s.hasValidation, columns, rows, paint];
  if (lastChart && lastChart.key.every((k, i) => k === key[i])) return lastChart.lines;
  lastChart = { key, lines: drawChart(s, columns, rows, paint) };
  return lastChart.lines;
}

function drawChart(s: LiveTraining, columns: number, rows: number, paint?: LivePaint): string[] {
  if (s.finished.length === 0) return rows > 0 ? [fitWidth('(the loss curves appear when epoch 1 ends)', columns)] : [];
  const height = Math.min(MAX_PLOT_ROWS, rows - CHART_EXTRA_ROWS);
  if (height < 2) return [];
  const names = s.hasValidation ? ['loss', 'val_loss'] : ['loss'];
  const series = names.map((name) => ({ name, values: s.finished.map((e) => e.logs[name] ?? NaN) }));
  return renderChart(series, { columns, height, ...(paint && paint.series.length > 0 ? { paint: paint.series } : {}) }).split('\n');
}

/** Every line of the live view, at most `rows` of them and none wider than `columns`. */
export function liveViewLines(s: LiveTraining, size: { readonly columns: number; readonly rows: number }, paint?: LivePaint): string[] {
  const progress = formatProgressLine(
    { step: Math.min(s.step, s.stepsPerEpoch), steps: s.stepsPerEpoch, elapsedMs: s.elapsedMs, logs: s.logs, finished: s.epochEnded, ...(s.firstStepMs !== null ? { firstStepMs: s.firstStepMs } : {}) },
    size.columns,
    paint?.bar,
  );
  const stats = fitWidth(statsLine(s), size.columns);
  const lines = [...chartLines(s, size.columns, size.rows - FIXED_ROWS, paint), fitWidth(epochLine(s), size.columns), progress, paint ? paint.note(stats) : stats];
  return lines.slice(Math.max(0, lines.length - size.rows));
}
