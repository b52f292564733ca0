import type { Shape } from '../core/shape.js';
import { UserError } from '../core/user-error.js';
import { modelInputShape } from '../model/analyze.js';
import type { ModelSession } from '../model/session.js';

/** The model's input and output shapes, or the reason it cannot train yet. */
export interface ModelIO {
  readonly input: Shape;
  readonly output: Shape;
  /** Units of the last axis of the output. */
  readonly units: number;
  /** The last layer's activation (`softmax`, `sigmoid`, `linear`, …), if it has one. */
  readonly activation: string | null;
}

export function modelIO(session: ModelSession): ModelIO {
  const state = session.state;
  if (state.layers.length === 0) throw new UserError('The model has no layers yet.', "Add some: Dense(16, activation='relu'), then Dense(3, activation='softmax').");
  const input = modelInputShape(state);
  if (!input) throw new UserError('The model has no input shape yet.', 'Load data (it sets the Input), or start with Input(shape=(...)).');
  const last = session.analysis().layers.at(-1)?.outputShape;
  if (!last || Array.isArray(last[0])) throw new UserError('The last layer returns several tensors; training needs one output.', 'Remove return_state=True from the last layer.');
  const output = last as Shape;
  const activation = state.layers.at(-1)!.args['activation'];
  return { input, output, units: output[output.length - 1] ?? 1, activation: typeof activation === 'string' ? activation : null };
}
