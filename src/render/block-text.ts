import type { Block } from './blocks.js';
import { renderSummary } from './summary.js';

function renderUnchecked(block: Block, columns: number): string {
  switch (block.kind) {
    case 'message':
    case 'text':
      return block.text;
    case 'warning':
      return `Warning: ${block.text}`;
    case 'error':
      return block.hint ? `Error: ${block.text} ${block.hint}` : `Error: ${block.text}`;
    case 'summary':
      return renderSummary(block.model, { ...block.options, columns });
  }
}

/** Plain-text form of a block: what replay prints and what a session file records. */
export function renderBlockText(block: Block, columns: number): string {
  try {
    return renderUnchecked(block, columns);
  } catch (err) {
    // A rendering bug must not end the session; say what failed instead of a stack trace.
    return `Error: could not display this output (${err instanceof Error ? err.message : String(err)}).`;
  }
}
