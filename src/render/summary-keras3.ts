import { formatBytes, formatParamCount } from './format-numbers.js';
import { formatSummaryShape } from '../core/shape.js';
import { extensionFooterLines } from './summary-extensions.js';
import { wrapText } from './summary-rich-text.js';
import { renderRichTable, type TableColumn } from './summary-rich-table.js';
import type { SummaryModel, SummaryOptions, SummaryRow } from './summary-types.js';

/** float32 everywhere: Keras sizes weights (and the JAX optimizer's int32 counter) at 4 bytes. */
const BYTES_PER_PARAM = 4;

interface ColumnPlan {
  readonly header: string;
  readonly justify: TableColumn['justify'];
  readonly cell: (row: SummaryRow, model: SummaryModel) => string;
}

const BASE_COLUMNS: readonly ColumnPlan[] = [
  { header: 'Layer (type)', justify: 'left', cell: (r) => `${r.name} (${r.className})` },
  { header: 'Output Shape', justify: 'left', cell: (r) => (r.outputShape === null ? '?' : formatSummaryShape(r.outputShape)) },
  { header: 'Param #', justify: 'right', cell: (r, m) => ((r.built ?? m.built) ? formatParamCount(r.params) : '0 (unbuilt)') },
];
/** klayers extension (flops=True): multiply-adds per sample. */
const FLOPS_COLUMN: ColumnPlan = {
  header: 'FLOPs',
  justify: 'right',
  cell: (r, m) => (m.built ? formatParamCount(r.flops ?? 0) : '?'),
};
/** Keras prints `-` for layers without weights; a built layer has weights iff it has params. */
const TRAINABLE_COLUMN: ColumnPlan = {
  header: 'Trainable',
  justify: 'center',
  cell: (r, m) => (m.built && r.params > 0 ? (r.trainable ? 'Y' : 'N') : '-'),
};

/** Keras's `int(pos * line_length) - current` widths, or null where one is under 4 (Keras raises). */
function kerasWidths(positions: readonly number[], lineLength: number): number[] | null {
  const widths: number[] = [];
  let current = 0;
  for (const pos of positions) {
    const width = Math.trunc(pos * lineLength) - current;
    if (width < 4) return null;
    widths.push(width);
    current += width;
  }
  return widths;
}

/**
 * Keras 3's `print_summary` for a Sequential model, as captured from a non-terminal stdout.
 * Where Keras raises "Insufficient console width to print summary." klayers instead widens the
 * table to the narrowest width Keras would accept.
 */
export function renderKeras3(model: SummaryModel, options: SummaryOptions): string[] {
  let lineLength = 88;
  let positions = [0.45, 0.8, 1.0];
  const plans = [...BASE_COLUMNS];
  // Extra columns follow Keras's show_trainable rule: 12 more characters, old positions * 0.9.
  for (const [wanted, plan] of [[options.flops, FLOPS_COLUMN], [options.showTrainable, TRAINABLE_COLUMN]] as const) {
    if (!wanted) continue;
    lineLength += 12;
    positions = [...positions.map((p) => p * 0.9), 1.0];
    plans.push(plan);
  }
  let tableWidth = options.lineLength ?? Math.min(lineLength, options.columns - 4);
  if (options.lineLength !== undefined) lineLength = options.lineLength;
  let widths = kerasWidths(positions, tableWidth);
  while (widths === null && tableWidth < lineLength) widths = kerasWidths(positions, ++tableWidth);
  const columns = plans.map((p, i) => ({ header: p.header, justify: p.justify, width: widths![i]! }));
  const rows = model.rows.map((row) => plans.map((p) => p.cell(row, model)));

  const console = (text: string): string[] => wrapText(text, options.columns, 'default', 'fold');
  return [
    ...console(`Model: "${model.name}"`),
    ...renderRichTable(columns, rows, tableWidth).map((line) => (options.lineLength === undefined ? line : [...line].slice(0, options.columns).join(''))),
    ...footerLines(model).flatMap(console),
    ...extensionFooterLines(model, options, ' ').flatMap(console),
  ];
}

function countLine(label: string, count: number): string {
  return ` ${label}: ${formatParamCount(count)} (${formatBytes(count * BYTES_PER_PARAM)})`;
}

function footerLines(model: SummaryModel): string[] {
  const optimizer = model.optimizerParams ?? 0;
  const lines = [
    countLine('Total params', model.trainableParams + model.nonTrainableParams + optimizer),
    countLine('Trainable params', model.trainableParams),
    countLine('Non-trainable params', model.nonTrainableParams),
  ];
  if (model.optimizerParams !== undefined) lines.push(countLine('Optimizer params', model.optimizerParams));
  return lines;
}
