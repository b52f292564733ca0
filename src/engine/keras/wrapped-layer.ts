/**
 * One Keras layer built around a tfjs layer that cannot do all of it alone. The wrapper carries the
 * Keras name, owns the inner layer's weights (so `countParams()` and the summary match Keras) and
 * adds what tfjs lacks:
 *  - `channelsFirst`: tfjs's 1-D conv/pooling ignore `channelsFirst` when computing; the input is
 *    transposed to channels-last around a channels-last inner layer.
 *  - `causalPad`: Conv1D `padding='causal'` = `dilation*(kernel-1)` zeros on the left of the time
 *    axis, then a 'valid' conv.
 *  - `dilation`: tfjs has no gradient for dilated convolutions, so the kernel itself is dilated
 *    (zeros between taps) and convolved with dilation 1 — same numbers, differentiable.
 */
import * as tf from '../backend/tf.js';

type Kwargs = Parameters<tf.layers.Layer['call']>[1];

interface WrapOptions {
  readonly name: string;
  readonly inner: tf.layers.Layer;
  readonly channelsFirst?: boolean;
  readonly causalPad?: number;
  /** Per spatial axis; only for conv layers whose rate exceeds 1. */
  readonly dilation?: readonly number[];
}

/** The protected fields of a tfjs conv layer that the dilated path reads. */
interface ConvInternals {
  kernel: { read(): tf.Tensor };
  bias?: { read(): tf.Tensor };
  useBias: boolean;
  strides: number[];
  padding: 'valid' | 'same';
  activation: { apply(x: tf.Tensor): tf.Tensor };
}

type Shape = (number | null)[];

export class WrappedLayer extends tf.layers.Layer {
  static className = 'KlayersWrapped';
  private readonly inner: tf.layers.Layer;
  private readonly options: WrapOptions;

  constructor(options: WrapOptions) {
    super({ name: options.name });
    this.inner = options.inner;
    this.options = options;
  }

  /** The shape the channels-last, pre-padded inner layer sees. */
  private toInner(shape: Shape): Shape {
    let s = [...shape];
    if (this.options.channelsFirst) s = [s[0]!, ...s.slice(2), s[1]!];
    const pad = this.options.causalPad ?? 0;
    if (pad > 0 && s[1] !== null) s[1] = (s[1] as number) + pad;
    return s;
  }

  private fromInner(shape: Shape): Shape {
    return this.options.channelsFirst ? [shape[0]!, shape[shape.length - 1]!, ...shape.slice(1, -1)] : shape;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.inner.build(this.toInner(inputShape as Shape));
    this.inner.built = true;
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return this.fromInner(this.inner.computeOutputShape(this.toInner(inputShape as Shape)) as Shape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      let x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const rank = x.rank;
      if (this.options.channelsFirst) x = tf.transpose(x, [0, ...range(2, rank), 1]);
      const pad = this.options.causalPad ?? 0;
      if (pad > 0) x = tf.pad(x, [[0, 0], [pad, 0], [0, 0]]);
      let y = this.options.dilation ? this.dilatedConv(x) : (this.inner.call(x, kwargs) as tf.Tensor);
      if (this.options.channelsFirst) y = tf.transpose(y, [0, rank - 1, ...range(1, rank - 1)]);
      return y;
    });
  }

  /** Convolve with a kernel spread out by the dilation rate (zeros between taps). */
  private dilatedConv(x: tf.Tensor): tf.Tensor {
    const conv = this.inner as unknown as ConvInternals;
    const kernel = dilateKernel(conv.kernel.read(), this.options.dilation ?? []);
    let y: tf.Tensor =
      kernel.rank === 3
        ? tf.conv1d(x as tf.Tensor3D, kernel as tf.Tensor3D, conv.strides[0]!, conv.padding)
        : tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, conv.strides as [number, number], conv.padding);
    if (conv.useBias && conv.bias) y = tf.add(y, conv.bias.read());
    return conv.activation.apply(y);
  }

  override get trainable(): boolean {
    return this.inner.trainable;
  }
  override set trainable(value: boolean) {
    // The base constructor sets `trainable` before `inner` exists.
    if (this.inner) this.inner.trainable = value;
  }
  override get trainableWeights(): tf.LayerVariable[] {
    return this.inner ? this.inner.trainableWeights : [];
  }
  override set trainableWeights(_weights: tf.LayerVariable[]) {
    // The base constructor assigns an empty list; the inner layer owns the weights.
  }
  override get nonTrainableWeights(): tf.LayerVariable[] {
    return this.inner ? this.inner.nonTrainableWeights : [];
  }
  override get losses(): tf.layers.Layer['losses'] {
    return this.inner ? this.inner.losses : [];
  }

  /**
   * The wrapper's options and the inner layer as a nested `{className, config}` (tfjs exempts
   * `className` values from its snake/camel case conversion, so `Conv1D` survives a save).
   */
  override getConfig(): tf.serialization.ConfigDict {
    const o = this.options;
    return {
      ...super.getConfig(),
      inner: { className: this.inner.getClassName(), config: this.inner.getConfig() },
      channelsFirst: o.channelsFirst ?? false,
      causalPad: o.causalPad ?? 0,
      dilation: o.dilation ? [...o.dilation] : null,
    };
  }

  /** Rebuilds the wrapper and its inner layer from a saved config (tf.loadLayersModel). */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const saved = config.inner as { className: string; config: tf.serialization.ConfigDict };
    const entry = tf.serialization.SerializationMap.getMap().classNameMap[saved.className];
    if (!entry) throw new Error(`KlayersWrapped: unknown inner layer class '${saved.className}'.`);
    const [innerClass, innerFromConfig] = entry;
    const inner = innerFromConfig(innerClass, saved.config) as unknown as tf.layers.Layer;
    const layer = new cls({
      name: config.name as string,
      inner,
      channelsFirst: config.channelsFirst === true,
      causalPad: Number(config.causalPad ?? 0),
      ...(Array.isArray(config.dilation) ? { dilation: config.dilation as number[] } : {}),
    } as WrapOptions as never);
    if (config.trainable === false) (layer as unknown as tf.layers.Layer).trainable = false;
    return layer;
  }
}

let registered = false;

/** Registers KlayersWrapped for model deserialization; safe to call any number of times. */
export function registerWrappedLayer(): void {
  if (registered) return;
  tf.serialization.registerClass(WrappedLayer);
  registered = true;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** `[k, cin, cout]` or `[kh, kw, cin, cout]` -> the same taps spaced `rate` apart. */
function dilateKernel(kernel: tf.Tensor, rates: readonly number[]): tf.Tensor {
  return tf.tidy(() => {
    let k = kernel;
    rates.forEach((rate, axis) => {
      if (rate <= 1) return;
      const size = k.shape[axis]!;
      // [.., size, ..] -> [.., size, 1, ..] -> pad to [.., size, rate, ..] -> [.., size*rate, ..] -> trim.
      const expanded = tf.expandDims(k, axis + 1);
      const padding = expanded.shape.map((_, i) => (i === axis + 1 ? [0, rate - 1] : [0, 0]) as [number, number]);
      const spread = tf.reshape(tf.pad(expanded, padding), k.shape.map((d, i) => (i === axis ? d * rate : d)));
      k = tf.slice(spread, 0, k.shape.map((d, i) => (i === axis ? (size - 1) * rate + 1 : d)));
    });
    return k;
  });
}
