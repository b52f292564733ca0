import type { Value } from '../lang/ast.js';
import type { OutputShape, Shape } from '../core/shape.js';

/**
 * Every argument a layer accepts, after validation: Keras snake_case name -> normalized value.
 * Normalized means the form Keras's `get_config()` shows, written as our Values:
 *  - ints/floats as numbers, tuples as Tuple (`kernel_size: (3, 3)` even when `3` was typed),
 *  - activations as strings (`'linear'` for None),
 *  - initializers/regularizers/constraints as Call values with Keras class names and all their
 *    config keys, e.g. `GlorotUniform(seed=None)`, `L2(l2=0.01)`, `MaxNorm(max_value=3, axis=0)`,
 *    or null when absent.
 */
export type LayerArgs = Readonly<Record<string, Value>>;

/** The kinds of value an argument takes; drives validation, completion and help. */
export type ArgKind =
  | 'int'
  | 'float'
  | 'bool'
  | 'str'
  | 'choice' // a string from ArgSpec.choices
  | 'int_tuple' // int or tuple of `rank` ints, normalized to a Tuple
  | 'shape' // tuple of ints/None (Input shape, Reshape target_shape, Permute dims)
  | 'activation'
  | 'initializer'
  | 'regularizer'
  | 'constraint'
  | 'dtype'
  | 'expression' // Lambda's safe expression string
  | 'any';

/** One argument of a layer, declared once; help, completion, validation and export read it. */
export interface ArgSpec {
  /** Keras snake_case name. */
  readonly name: string;
  readonly kind: ArgKind;
  /** Keras 3 default, already normalized. Ignored when `required`. */
  readonly default: Value;
  readonly required?: boolean;
  /** One line, as the Keras docs describe it. */
  readonly doc: string;
  /** For 'choice'. */
  readonly choices?: readonly string[];
  /** For 'int_tuple': how many ints. */
  readonly rank?: number;
  /** Whether None is accepted (e.g. pooling `strides=None`). */
  readonly nullable?: boolean;
  /** get_config() turns None into `{}` here (Lambda `arguments`): inspect and export json show `{}`. */
  readonly noneAsEmptyDict?: boolean;
}

/** A weight variable the layer creates: `kernel (784, 64)`. */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
}

/**
 * What a layer does with the mask its input carries, as Keras 3 decides it (`supports_masking`
 * and `compute_mask`):
 *  - 'pass': passes it on unchanged (Dense, Activation, Dropout);
 *  - 'make': computes a new one from its input (Masking);
 *  - 'sequences': reads it, and passes it on only with `return_sequences=True` (the RNNs);
 *  - 'drop': Keras's default for a layer without mask support: it warns that it "will therefore
 *    destroy the mask information", and the layers after it see no mask.
 */
export type MaskRule = 'pass' | 'make' | 'sequences' | 'drop';

/** The declaration of one Keras layer. Adding a layer type = one file exporting this + one index line. */
export interface LayerSpec {
  /** Keras class name: `Dense`, `Conv2D`, `SimpleRNN`. */
  readonly className: string;
  /** Prefix of auto-generated names, as Keras: `dense`, `conv2d`, `max_pooling2d`, `simple_rnn`. */
  readonly baseName: string;
  /** One line (under 60 characters), listed by `help layers`. */
  readonly brief: string;
  /** One paragraph, shown by `help Dense`. */
  readonly doc: string;
  /** Every Keras 3 constructor argument, in Keras signature order (positional ones first). */
  readonly args: readonly ArgSpec[];
  /** Names that may be given positionally, in order (`['units']` for Dense). */
  readonly positional: readonly string[];
  /**
   * Cross-argument validation after each argument was normalized (e.g. strides vs dilation_rate).
   * Throws UserError.
   */
  validate?(args: LayerArgs): void;
  /** Output shape for an input shape; throws UserError naming the layer's expectation. */
  outputShape(input: Shape, args: LayerArgs): OutputShape;
  /** Weights created for an input shape, in Keras's order. */
  weights(input: Shape, args: LayerArgs): readonly WeightSpec[];
  /**
   * True for a layer Keras builds when it is created (it has no weights and no build step that
   * needs the input shape): an unbuilt model's summary shows `0` for it, not `0 (unbuilt)`.
   */
  readonly builtAtCreation?: boolean;
  /** What the layer does with an input mask; 'drop' (Keras's default) when omitted. */
  readonly masking?: MaskRule;
  /** Multiply-adds per sample (optional; 0 when omitted). */
  flops?(input: Shape, output: OutputShape, args: LayerArgs): number;
}

/** One layer of a Sequential model as the engine and renderers receive it. */
export interface PlannedLayer {
  readonly className: string;
  /** Keras-style unique name: `dense`, `dense_1`, or the user's `name=`. */
  readonly name: string;
  /** Every argument, normalized (see LayerArgs). `name` is not among them. */
  readonly args: LayerArgs;
}

/** A whole Sequential model: what the session hands to the engine and to `summary`. */
export interface ModelPlan {
  readonly name: string;
  /** Batch shape from the Input (`[null, 28, 28, 1]`), or null while the model has no Input. */
  readonly inputShape: Shape | null;
  readonly inputDtype: string;
  readonly layers: readonly PlannedLayer[];
}
