import { visibleLines } from '../core/visible.js';
import type { Block } from './blocks.js';
import { renderChart } from './chart.js';
import { renderSummary } from './summary.js';
import { renderTable } from './table.js';

/** Keras's messages often end without a full stop; one goes in before the hint follows. */
function sentence(text: string): string {
  return /[.!?:]$/.test(text.trimEnd()) ? text : `${text}.`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderUnchecked(block: Block, columns: number): string {
  switch (block.kind) {
    case 'message':
    case 'text':
      return block.text;
    case 'warning':
      return `Warning: ${block.text}`;
    case 'error':
      return block.hint ? `Error: ${sentence(block.text)} ${capitalized(block.hint)}` : `Error: ${block.text}`;
    case 'summary':
      return renderSummary(block.model, { ...block.options, columns });
    case 'table':
      return renderTable(block, columns);
    case 'chart':
      return renderChart(block.series, { columns, height: block.height, firstEpoch: block.firstEpoch });
  }
}

/**
 * Plain-text form of a block: what replay prints and what a session file records. Messages
 * quote values from files (labels, names, cells), so a control character or bidi override in
 * the text is shown escaped (src/core/visible.ts), never sent to the terminal.
 */
export function renderBlockText(block: Block, columns: number): string {
  try {
    return visibleLines(renderUnchecked(block, columns));
  } catch (err) {
    // A rendering bug must not end the session; say what failed instead of a stack trace.
    return `Error: could not display this output (${err instanceof Error ? err.message : String(err)}).`;
  }
}
