/**
 * Training curves as text: asciichart draws each series on a shared scale, and the series are
 * overlaid so that a plain (colourless) terminal still tells them apart: the first is drawn with
 * solid lines, the second dashed (┄ ┆), further ones heavy and double. Y-axis labels on the
 * left, epochs under the plot, a legend below. Pure: series in, text out.
 */
import asciichart from 'asciichart';

export interface ChartSeries {
  readonly name: string;
  /** One value per epoch; NaN where the series has no value (e.g. a fit without validation). */
  readonly values: readonly number[];
}

interface ChartOptions {
  /** Columns the chart may use, labels included. */
  readonly columns: number;
  /** Rows of the plot area (the axis labels and legend come on top of it). */
  readonly height?: number;
  /** Painters per series (the live view passes colours); plain text leaves them out. */
  readonly paint?: readonly ((s: string) => string)[];
  /** Epoch number of the first value (1 by default). */
  readonly firstEpoch?: number;
}

/** asciichart symbols: ┼ ┤ ╶ ╴ ─ ╰ ╭ ╮ ╯ │ and the variants that tell series apart. */
const SYMBOLS = [
  ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
  ['┼', '┤', '╶', '╴', '┄', '╰', '╭', '╮', '╯', '┆'],
  ['┼', '┤', '╶', '╴', '━', '┗', '┏', '┓', '┛', '┃'],
  ['┼', '┤', '╶', '╴', '═', '╚', '╔', '╗', '╝', '║'],
];

/** Values at `width` evenly spaced positions (linear interpolation; NaN stays a gap). */
export function resample(values: readonly number[], width: number): number[] {
  if (values.length <= 1 || values.length === width) return [...values];
  return Array.from({ length: width }, (_, i) => {
    const at = (i * (values.length - 1)) / (width - 1);
    const lo = Math.floor(at);
    const hi = Math.min(values.length - 1, lo + 1);
    const frac = at - lo;
    // NaN * 0 is NaN: a point exactly on a sample keeps its value even beside a gap.
    return frac === 0 ? values[lo]! : values[lo]! + (values[hi]! - values[lo]!) * frac;
  });
}

function range(series: readonly ChartSeries[]): { min: number; max: number } {
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (max - min < 1e-12) {
    const pad = Math.abs(max) * 0.05 || 0.5;
    (min -= pad), (max += pad);
  }
  return { min, max };
}

/** The chart as lines of text; empty when no series has a value. */
export function renderChart(input: readonly ChartSeries[], options: ChartOptions): string {
  const series = input.filter((s) => s.values.some(Number.isFinite));
  if (series.length === 0) return '';
  const { min, max } = range(series);
  const labelWidth = Math.max(...[min, max].map((v) => v.toFixed(4).length));
  const epochs = Math.max(...series.map((s) => s.values.length));
  const plotWidth = Math.max(2, options.columns - labelWidth - 3);
  const width = Math.min(plotWidth, Math.max(epochs, Math.min(plotWidth, 60)));
  const height = Math.max(2, options.height ?? 10);
  const format = (x: number) => x.toFixed(4).padStart(labelWidth);
  const config = (symbols: string[]) => ({ min, max, height, format, symbols }) as unknown as asciichart.PlotConfig;
  const plotted = (values: readonly number[], symbols: string[]) => asciichart.plot([...values], config(symbols)).split('\n').map((line) => [...line]);
  const axisEnd = labelWidth + 1; // the axis column; asciichart puts each series' first value on it
  // Labels and axis from a plot of the range itself; the series are laid over it.
  const grid = plotted([max, min], SYMBOLS[0]!).map((row) => [...row.slice(0, axisEnd), '┤', ...new Array<string>(width).fill(' ')]);
  // The row asciichart puts a value on (its own rounding).
  const ratio = height / (max - min);
  const rowOf = (v: number) => Math.abs(Math.round(max * ratio) - Math.round(min * ratio)) - (Math.round(v * ratio) - Math.round(min * ratio));
  const paint = (i: number, mark: string) => (options.paint?.[i] ? options.paint[i]!(mark) : mark);
  series.forEach((s, i) => {
    const symbols = SYMBOLS[i % SYMBOLS.length]!;
    for (const run of finiteRuns(resample(s.values, epochs > 1 ? width : 1))) {
      plotted(run.values, symbols).forEach((row, r) => {
        row.slice(axisEnd + 1).forEach((mark, c) => {
          if (mark !== ' ') grid[r]![axisEnd + 1 + run.start + c] = paint(i, mark);
        });
      });
      // The first value: on the axis (┼) as asciichart marks it, or a line where a later run starts.
      grid[rowOf(run.values[0]!)]![axisEnd + run.start] = paint(i, run.start === 0 ? symbols[0]! : symbols[4]!);
    }
  });
  const rows = grid.map((row) => row.join('').trimEnd());
  return [...rows, epochAxis(labelWidth, epochs > 1 ? width : 1, options.firstEpoch ?? 1, epochs), legend(series, options.paint)].join('\n');
}

/** The stretches of finite values, with where each starts. */
function finiteRuns(values: readonly number[]): { start: number; values: number[] }[] {
  const runs: { start: number; values: number[] }[] = [];
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    const last = runs.at(-1);
    if (last && last.start + last.values.length === i) last.values.push(v);
    else runs.push({ start: i, values: [v] });
  });
  return runs;
}

/** `epoch` in the label column, the first epoch under the plot's start and the last under its end. */
function epochAxis(labelWidth: number, width: number, first: number, epochs: number): string {
  const last = String(first + epochs - 1);
  const gap = Math.max(1, width - String(first).length - last.length + 1);
  const numbers = epochs > 1 ? `${first}${' '.repeat(gap)}${last}` : `${first}`;
  return `${'epoch'.padStart(labelWidth)}  ${numbers}`;
}

function legend(series: readonly ChartSeries[], paint?: ChartOptions['paint']): string {
  return series
    .map((s, i) => {
      const line = SYMBOLS[i % SYMBOLS.length]![4]!.repeat(2);
      return `${paint?.[i] ? paint[i]!(line) : line} ${s.name}`;
    })
    .join('   ');
}
