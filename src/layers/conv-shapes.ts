import { isTuple, type Value } from '../lang/ast.js';
import { formatPythonShape, knownProduct, type Shape } from '../core/shape.js';
import { type LayerArgs, type LayerSpec } from './types.js';
import { UserError } from '../core/user-error.js';

/**
 * Window arithmetic shared by the convolution and pooling layers, written to match Keras 3's
 * `compute_conv_output_shape` / `compute_pooling_output_shape`, plus the Python-style formatting
 * our error messages use so they read like Keras's own.
 */


/**
 * The ints of a normalized int_tuple argument. A bare int is repeated `rank` times so a spec
 * still works if handed un-normalized args (tests, callers that skip resolve).
 */
export function tupleInts(value: Value, rank: number): number[] {
  if (typeof value === 'number') return Array.from({ length: rank }, () => value);
  const items = isTuple(value) ? value.items : Array.isArray(value) ? value : [];
  return items.map((v) => (typeof v === 'number' ? v : NaN));
}

/**
 * Keras resolves `data_format=None` to the configured image format ('channels_last') and shows
 * that in get_config(); like pooling strides, there is no LayerSpec hook for this, so `validate`
 * completes the freshly built args object (a frozen one is left as is and still reads as last).
 */
export function fillDataFormat(args: LayerArgs): void {
  if ((args.data_format === null || args.data_format === undefined) && !Object.isFrozen(args)) {
    (args as Record<string, Value>).data_format = 'channels_last';
  }
}

/** `'channels_last'` unless the user chose `'channels_first'` (Keras resolves None the same way). */
export function isChannelsFirst(args: LayerArgs): boolean {
  return args.data_format === 'channels_first';
}

/**
 * One spatial output length. `valid`: floor((L - d·(k-1) - 1) / s) + 1; `same` and `causal`:
 * floor((L - 1) / s) + 1. An unknown (None) length stays unknown. Pooling is the d = 1 case.
 */
export function windowOutputLength(
  length: number | null,
  kernel: number,
  stride: number,
  dilation: number,
  padding: string,
): number | null {
  if (length === null) return null;
  if (padding === 'valid') return Math.floor((length - dilation * (kernel - 1) - 1) / stride) + 1;
  return Math.floor((length - 1) / stride) + 1;
}

/**
 * The padding before one spatial axis (TensorFlow's, which kernels that pad by hand must match):
 * none for `valid`; for `same`, the smaller half of what the output length needs.
 */
export function windowPaddingBefore(length: number, kernel: number, stride: number, padding: string): number {
  if (padding === 'valid') return 0;
  const out = windowOutputLength(length, kernel, stride, 1, padding)!;
  return Math.floor(Math.max((out - 1) * stride + kernel - length, 0) / 2);
}

/** Input split into its spatial axes and channel count, honouring data_format. */
interface SpatialInput {
  readonly batch: number | null;
  readonly spatial: readonly (number | null)[];
  readonly channels: number | null;
}

export function splitSpatial(input: Shape, channelsFirst: boolean): SpatialInput {
  return channelsFirst
    ? { batch: input[0] ?? null, channels: input[1] ?? null, spatial: input.slice(2) }
    : { batch: input[0] ?? null, channels: input[input.length - 1] ?? null, spatial: input.slice(1, -1) };
}

export function joinSpatial(parts: SpatialInput, channelsFirst: boolean): Shape {
  return channelsFirst
    ? [parts.batch, parts.channels, ...parts.spatial]
    : [parts.batch, ...parts.spatial, parts.channels];
}

/** How the input axes are named in a rank error: `(batch, rows, cols, channels)`. */
function axesDescription(spatialRank: number, channelsFirst: boolean): string {
  const spatial = spatialRank === 1 ? ['steps'] : ['rows', 'cols'];
  const axes = channelsFirst ? ['channels', ...spatial] : [...spatial, 'channels'];
  return `(batch, ${axes.join(', ')})`;
}

/** A concrete Reshape that turns `input` into something the layer accepts, when one is obvious. */
function reshapeSuggestion(className: string, input: Shape, spatialRank: number, channelsFirst: boolean): string {
  const features = input.slice(1);
  const known = features.every((d): d is number => d !== null);
  const withChannel = (dims: number[]): string => formatPythonShape(channelsFirst ? [1, ...dims] : [...dims, 1]);
  const other = spatialRank === 2 ? className.replace('2D', '1D') : className.replace('1D', '2D');
  if (spatialRank === 2) {
    if (known && features.length === 1) {
      const n = features[0]!;
      const side = Math.round(Math.sqrt(n));
      const square = side * side === n ? `Add Reshape(${withChannel([side, side])}) before it, or ` : 'Add a Reshape to (rows, cols, channels) before it, or ';
      return `${square}Reshape(${withChannel([n])}) and use ${other}.`;
    }
    if (known && features.length === 2) return `Add Reshape(${withChannel(features)}) before it or use ${other}.`;
    return `Add a Reshape to ${axesDescription(2, channelsFirst).replace('batch, ', '')} before it.`;
  }
  if (known && features.length === 1) return `Add Reshape(${withChannel(features)}) before it.`;
  if (known && features.length === 3) {
    const [a, b, c] = features as [number, number, number];
    const target = channelsFirst ? formatPythonShape([a, b * c]) : formatPythonShape([a * b, c]);
    return `Add Reshape(${target}) before it or use ${other}.`;
  }
  return `Add a Reshape to ${axesDescription(1, channelsFirst).replace('batch, ', '')} before it.`;
}

/** Throws the Keras-style rank error when `input` is not `spatialRank + 2`-D. */
export function requireSpatialRank(className: string, input: Shape, spatialRank: number, channelsFirst: boolean): void {
  const want = spatialRank + 2;
  if (input.length === want) return;
  throw new UserError(
    `${className} expects a ${want}-D input ${axesDescription(spatialRank, channelsFirst)}; got ${formatPythonShape(input)}.`,
    reshapeSuggestion(className, input, spatialRank, channelsFirst),
  );
}

/** Keras's `value > 0` check on every int of a window argument (kernel_size, strides, ...). */
export function requirePositiveInts(args: LayerArgs, names: readonly string[], rank: number): void {
  for (const name of names) {
    const value = args[name];
    if (value === null || value === undefined) continue; // pooling strides=None
    const ints = tupleInts(value, rank);
    const bad = ints.filter((v) => !(Number.isInteger(v) && v > 0));
    if (ints.length !== rank || bad.length > 0) {
      throw new UserError(
        `The \`${name}\` argument must be a tuple of ${rank} integers. Received ${name}=${formatPythonShape(ints)}, ` +
          `including values {${[...new Set(bad)].join(', ')}} that do not satisfy \`value > 0\``,
        `Use positive integers, e.g. ${name}=${formatPythonShape(ints.map(() => 1))}.`,
      );
    }
  }
}

/** Keras's check that every computed length is positive, with the inputs that caused it. */
export function requirePositiveOutput(
  className: string,
  input: Shape,
  spatial: readonly (number | null)[],
  details: string,
  windowName: string,
): void {
  if (spatial.every((d) => d === null || d > 0)) return;
  throw new UserError(
    `${className} output would have zero or negative size: input ${formatPythonShape(input)} with ${details}.`,
    `Use padding='same' or a smaller ${windowName}.`,
  );
}

/** The behaviour Conv1D and Conv2D share (Keras's BaseConv), for `rank` spatial axes. */
export function convolution(className: string, rank: number): Pick<LayerSpec, 'validate' | 'outputShape' | 'weights' | 'flops'> {
  const inputChannels = (input: Shape, args: LayerArgs): number => {
    requireSpatialRank(className, input, rank, isChannelsFirst(args));
    const channels = splitSpatial(input, isChannelsFirst(args)).channels;
    const groups = Number(args.groups ?? 1);
    if (channels === null) {
      throw new UserError(`${className} needs a known channel dimension; got input ${formatPythonShape(input)}.`, 'Give the channel axis a size, e.g. with Reshape.');
    }
    if (channels % groups !== 0) {
      throw new UserError(
        `The number of input channels must be evenly divisible by the number of groups. Received groups=${groups}, but the input has ${channels} channels (full input shape is ${formatPythonShape(input)}).`,
        `Use a groups value that divides ${channels}.`,
      );
    }
    return channels;
  };
  const outputShape = (input: Shape, args: LayerArgs): Shape => {
    inputChannels(input, args);
    const first = isChannelsFirst(args);
    const parts = splitSpatial(input, first);
    const [kernel, strides, dilation] = ['kernel_size', 'strides', 'dilation_rate'].map((n) => tupleInts(args[n]!, rank)) as [number[], number[], number[]];
    const padding = String(args.padding);
    const spatial = parts.spatial.map((d, i) => windowOutputLength(d, kernel[i]!, strides[i]!, dilation[i]!, padding));
    const details = `kernel_size=${formatPythonShape(kernel)}, strides=${formatPythonShape(strides)}, dilation_rate=${formatPythonShape(dilation)} and padding='${padding}'`;
    requirePositiveOutput(className, input, spatial, details, 'kernel_size');
    return joinSpatial({ batch: parts.batch, spatial, channels: Number(args.filters) }, first);
  };
  return {
    validate(args) {
      fillDataFormat(args);
      const filters = Number(args.filters);
      if (!(Number.isInteger(filters) && filters > 0)) {
        throw new UserError(`Invalid value for argument \`filters\`. Expected a strictly positive value. Received filters=${String(args.filters)}.`, 'Use a positive integer, e.g. filters=32.');
      }
      const groups = Number(args.groups ?? 1);
      if (!(Number.isInteger(groups) && groups > 0)) {
        throw new UserError(`The number of groups must be a positive integer. Received: groups=${String(args.groups)}.`, 'Use groups=1 for an ordinary convolution.');
      }
      requirePositiveInts(args, ['kernel_size', 'strides', 'dilation_rate'], rank);
      if (filters % groups !== 0) {
        throw new UserError(`The number of filters must be evenly divisible by the number of groups. Received: groups=${groups}, filters=${filters}.`, `Use a filters value that is a multiple of ${groups}.`);
      }
      const strides = tupleInts(args.strides!, rank);
      const dilation = tupleInts(args.dilation_rate!, rank);
      if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
        throw new UserError(
          `\`strides > 1\` not supported in conjunction with \`dilation_rate > 1\`. Received: strides=${formatPythonShape(strides)} and dilation_rate=${formatPythonShape(dilation)}`,
          'Use strides=1 with dilation, or dilation_rate=1 with strides.',
        );
      }
    },
    outputShape,
    weights(input, args) {
      const channels = inputChannels(input, args);
      const filters = Number(args.filters);
      const kernel = [...tupleInts(args.kernel_size!, rank), channels / Number(args.groups ?? 1), filters];
      const bias = args.use_bias === false ? [] : [{ name: 'bias', shape: [filters], trainable: true }];
      return [{ name: 'kernel', shape: kernel, trainable: true }, ...bias];
    },
    // Multiply-adds per sample: every output element sums kernel_elements × in_channels/groups
    // products. Unknown (None) spatial sizes make it unknowable; we report 0 then.
    flops(input, output, args) {
      const out = (Array.isArray(output[0]) ? output[0] : output) as Shape;
      const outElements = knownProduct(out.slice(1));
      const channels = splitSpatial(input, isChannelsFirst(args)).channels;
      if (outElements === null || channels === null) return 0;
      const kernelElements = tupleInts(args.kernel_size!, rank).reduce((a, b) => a * b, 1);
      return outElements * kernelElements * (channels / Number(args.groups ?? 1));
    },
  };
}
