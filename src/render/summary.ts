import { renderKeras2 } from './summary-keras2.js';
import { renderKeras3 } from './summary-keras3.js';
import type { SummaryModel, SummaryOptions } from './summary-types.js';

export { formatBytes, formatParamCount } from './format-numbers.js';

/**
 * The text of `model.summary()`: Keras 3's rich box table (style 'keras3', the default) or the
 * classic tf.keras 2.15 layout (style 'keras2'). Pure; no ANSI codes. Lines are joined with '\n'
 * and there is no trailing newline (Keras ends its output with one; print the result as a line).
 * Throws UserError for style 'keras2' on an unbuilt model, as tf.keras 2 refuses to summarize it.
 */
export function renderSummary(model: SummaryModel, options: SummaryOptions): string {
  const lines = options.style === 'keras2' ? renderKeras2(model, options) : renderKeras3(model, options);
  return lines.join('\n');
}
