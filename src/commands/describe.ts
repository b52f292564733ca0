import { formatSummaryShape } from '../core/shape.js';
import type { OutputShape } from '../core/shape.js';
import type { ModelSession } from '../model/session.js';
import { inputBatchShape } from '../layers/input.js';

function shapeText(shape: OutputShape | null): string {
  return shape === null ? '? (no Input yet)' : formatSummaryShape(shape);
}

/** `2 dense_1 (Dense) -> (None, 64), 4,160 params`: how edits confirm what they did. */
export function describeLayerAt(session: ModelSession, index: number): string {
  const row = session.analysis().layers[index]!;
  return `${row.index} ${row.name} (${row.className}) -> ${shapeText(row.outputShape)}, ${row.params.toLocaleString('en-US')} params`;
}

export function describeInput(session: ModelSession): string {
  const input = session.state.input;
  if (!input) return 'The model has no Input.';
  return `Input ${formatSummaryShape(inputBatchShape(input.args))}`;
}
