import { UserError } from '../core/user-error.js';
import { formatBytes, UNITS_KERAS2 } from './format-numbers.js';
import { formatPythonShape } from '../core/shape.js';
import { extensionFooterLines } from './summary-extensions.js';
import type { SummaryModel, SummaryOptions } from './summary-types.js';

/** Where tf.keras 2's print_row breaks a too-long cell early: just after a tuple/list item. */
const BREAK_AFTER = ['),', '},', '],', "',"];

/** tf.keras 2's `print_row`: fixed columns ending at `positions`; long cells continue below. */
function printRow(fields: readonly string[], positions: readonly number[]): string[] {
  const left = [...fields];
  const lines: string[] = [];
  while (left.some((text) => text.length > 0)) {
    let line = '';
    left.forEach((text, col) => {
      const last = col === positions.length - 1;
      const space = last ? 0 : 2;
      let cutoff = positions[col]! - (col > 0 ? positions[col - 1]! : 0) - space - (last ? 0 : 1);
      let fit = text.slice(0, cutoff);
      const breaks = BREAK_AFTER.filter((b) => fit.includes(b)).map((b) => fit.indexOf(b) + b.length);
      if (breaks.length > 0) {
        cutoff = Math.min(...breaks);
        fit = fit.slice(0, cutoff);
      }
      if (col === 0) line += ' ';
      line += fit + ' '.repeat(space);
      left[col] = text.slice(cutoff);
      line += ' '.repeat(Math.max(0, positions[col]! - line.length));
    });
    lines.push(line);
  }
  return lines;
}

/**
 * The classic tf.keras 2.15 summary (keras/src/utils/layer_utils.py print_summary, which
 * 2.13-2.15 share): 65 columns for a Sequential model whatever the terminal, positions
 * [.45, .85, 1.], a blank line after every layer, counts without separators and sizes with
 * `Byte` for bytes. show_trainable adds an 11-wide `Trainable` column; the klayers `flops`
 * extension adds a 14-wide `FLOPs` column before it.
 */
export function renderKeras2(model: SummaryModel, options: SummaryOptions): string[] {
  if (!model.built) {
    throw new UserError(
      'This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data.',
      'Add an Input layer first, e.g. Input(shape=(784,)).',
    );
  }
  let lineLength = 65;
  const positions = [0.45, 0.85, 1.0].map((p) => Math.trunc(lineLength * p));
  const headers = ['Layer (type)', 'Output Shape', 'Param #'];
  if (options.flops) {
    lineLength += 14;
    positions.push(lineLength);
    headers.push('FLOPs');
  }
  if (options.showTrainable) {
    lineLength += 11;
    positions.push(lineLength);
    headers.push('Trainable');
  }
  const lines = [`Model: "${model.name}"`, '_'.repeat(lineLength), ...printRow(headers, positions), '='.repeat(lineLength)];
  for (const row of model.rows) {
    const fields = [
      `${row.name} (${row.className})`,
      row.outputShape === null ? 'multiple' : formatPythonShape(row.outputShape),
      String(row.params),
    ];
    if (options.flops) fields.push(String(row.flops ?? 0));
    if (options.showTrainable) fields.push(row.trainable ? 'Y' : 'N');
    lines.push(...printRow(fields, positions), ' '.repeat(lineLength));
  }
  const size = (count: number): string => formatBytes(count * 4, UNITS_KERAS2);
  const total = model.trainableParams + model.nonTrainableParams;
  lines.push(
    '='.repeat(lineLength),
    `Total params: ${total} (${size(total)})`,
    `Trainable params: ${model.trainableParams} (${size(model.trainableParams)})`,
    `Non-trainable params: ${model.nonTrainableParams} (${size(model.nonTrainableParams)})`,
    ...extensionFooterLines(model, options, '', { units: UNITS_KERAS2, count: String }),
    '_'.repeat(lineLength),
  );
  return lines;
}
