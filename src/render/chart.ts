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

export interface ChartOptions {
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
    return values[lo]! + (values[hi]! - values[lo]!) * (at - lo);
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
  const grids = series.map((s, i) =>
    asciichart
      .plot(resample(s.values, epochs > 1 ? width : 1), { min, max, height, format, symbols: SYMBOLS[i % SYMBOLS.length]! } as unknown as asciichart.PlotConfig)
      .split('\n')
      .map((line) => [...line]),
  );
  const axisEnd = labelWidth + 2; // label, space, axis character
  const rows = grids[0]!.map((row, r) =>
    row
      .map((ch, c) => {
        if (c < axisEnd) return ch;
        for (let i = grids.length - 1; i >= 0; i--) {
          const mark = grids[i]![r]?.[c] ?? ' ';
          if (mark !== ' ') return options.paint?.[i] ? options.paint[i]!(mark) : mark;
        }
        return ' ';
      })
      .join('')
      .trimEnd(),
  );
  return [...rows, epochAxis(labelWidth, epochs > 1 ? width : 1, options.firstEpoch ?? 1, epochs), legend(series, options.paint)].join('\n');
}

/** `1` under the plot's first column and the last epoch under its last, then `epoch`. */
function epochAxis(labelWidth: number, width: number, first: number, epochs: number): string {
  const last = String(first + epochs - 1);
  const gap = Math.max(1, width - String(first).length - last.length + 1);
  const numbers = epochs > 1 ? `${first}${' '.repeat(gap)}${last}` : `${first}`;
  return `${' '.repeat(labelWidth + 2)}${numbers}  epoch`;
}

function legend(series: readonly ChartSeries[], paint?: ChartOptions['paint']): string {
  return series
    .map((s, i) => {
      const line = SYMBOLS[i % SYMBOLS.length]![4]!.repeat(2);
      return `${paint?.[i] ? paint[i]!(line) : line} ${s.name}`;
    })
    .join('   ');
}
