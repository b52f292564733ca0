import { arg } from './arg-builders.js';
import { formatValue } from '../lang/format-value.js';
import { sequenceItems } from './kinds/values.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';
import { type Shape } from '../core/shape.js';

/**
 * The full input shape including the batch axis: `batch_shape` if given, else
 * `(batch_size, *shape)`. `Input(shape=(28, 28, 1))` -> `[null, 28, 28, 1]`.
 */
export function inputBatchShape(args: LayerArgs): Shape {
  const batchShape = sequenceItems(args.batch_shape ?? null);
  if (batchShape) return batchShape as Shape;
  const shape = (sequenceItems(args.shape ?? null) ?? []) as Shape;
  return [(args.batch_size as number | null) ?? null, ...shape];
}

function refuse(what: string, hint: string): never {
  throw new UserError(what, hint);
}

function validate(args: LayerArgs): void {
  if (args.shape !== null && args.batch_shape !== null) refuse('You cannot pass both `shape` and `batch_shape` at the same time.', 'Use one: Input(shape=(28, 28, 1)).');
  if (args.shape === null && args.batch_shape === null) refuse('You must pass a `shape` argument.', 'e.g. Input(shape=(784,))');
  if (args.batch_size !== null && (args.batch_size as number) <= 0) refuse(`Input: \`batch_size\` must be a positive integer. Received: batch_size=${formatValue(args.batch_size!)}`, 'Usually leave it out (None).');
  const dims = sequenceItems(args.shape ?? args.batch_shape ?? null) ?? [];
  const key = args.shape !== null ? 'shape' : 'batch_shape';
  if (dims.some((d) => d !== null && (d as number) <= 0)) {
    refuse(`Input: every size in \`${key}\` must be a positive integer or None. Received: ${key}=${formatValue(args[key]!)}`, 'e.g. Input(shape=(None, 8))');
  }
  if (args.sparse === true) refuse('Input: sparse=True is not supported: tfjs has no sparse tensors.', 'Remove sparse=True; dense inputs work the same.');
  if (args.ragged === true) refuse('Input: ragged=True is not supported: tfjs has no ragged tensors.', 'Pad sequences to one length and add Masking().');
  if (args.tensor !== null) refuse('Input: `tensor=` is not supported: klayers builds the input placeholder itself.', 'Remove tensor=; give shape= instead.');
}

/** Keras `Input` / `InputLayer`: declares the model's input shape and dtype; no weights. */
const spec: LayerSpec = {
  className: 'InputLayer',
  baseName: 'input_layer',
  brief: 'The model input: the shape of one sample, no batch axis.',
  doc:
    'The model input: Input(shape=(28, 28, 1)) declares samples of that shape; the batch axis is ' +
    'added in front and left unknown (None) unless batch_size or batch_shape fixes it.',
  args: [
    arg('shape', 'shape', null, 'Shape of one sample, not including the batch axis, e.g. (28, 28, 1); None marks an unknown size.', { nullable: true }),
    arg('batch_size', 'int', null, 'Optional fixed batch size.', { nullable: true }),
    arg('dtype', 'dtype', 'float32', "Data type of the input, e.g. 'float32' or 'int32'; None means float32."),
    arg('sparse', 'bool', false, 'Whether the input is sparse (not supported: tfjs has no sparse tensors).'),
    arg('ragged', 'bool', false, 'Whether the input is ragged (not supported by tfjs).'),
    arg('batch_shape', 'shape', null, 'Full shape including the batch axis, instead of shape and batch_size.', { nullable: true }),
    arg('tensor', 'any', null, 'An existing tensor to wrap (not supported by klayers).', { nullable: true }),
    arg('optional', 'bool', false, 'Whether the input may be None (accepted; has no effect in a Sequential model).'),
  ],
  // keras.Input(shape, batch_size, dtype, sparse, ragged, batch_shape, name, tensor, optional)
  positional: ['shape', 'batch_size', 'dtype', 'sparse', 'ragged', 'batch_shape'],
  validate,
  outputShape: (_input, args) => inputBatchShape(args),
  weights: () => [],
};

export default spec;
