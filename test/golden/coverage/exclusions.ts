/**
 * What the golden corpus cannot show, and why (read by test/golden/coverage.test.ts). Keys are
 * `Class.arg`, or `*.arg` for every layer. Refusals carry the lines that must be refused.
 */

/** A catalog layer with no Keras golden model, and where it is checked instead. */
export const LAYERS_NOT_IN_CORPUS: Readonly<Record<string, string>> = {
  Lambda: "klayers' Lambda takes a safe expression string, not Python code; test/lambda/golden.test.ts checks it against Keras",
};

/** Arguments Keras's get_config() never shows, so no golden config can hold them. */
export const ARGS_NOT_IN_KERAS_CONFIG: Readonly<Record<string, string>> = {
  '*.autocast': "Layer.get_config() has no autocast; it only matters for mixed precision, which klayers refuses (dtype)",
  '*.input_shape': 'Keras turns it into the model Input; keras2_input_shape checks the resulting batch_shape',
  'LSTM.implementation': 'Keras 3 LSTM.get_config() omits it (it only chooses how Keras computes); rnn_options types it',
  'LSTM.use_cudnn': 'Keras 3 LSTM.get_config() omits it (a backend choice); accepted and ignored',
  'SimpleRNN.seed': 'Keras 3 SimpleRNN.get_config() omits seed (its cell keeps it); rnn_options types seed=3',
  'SimpleRNN.activity_regularizer':
    'Keras 3.15 SimpleRNN drops it (config shows None; see KNOWN_GAPS in architectures.test.ts); LSTM/Dense/Conv cover the penalty',
};

type Refusal = { readonly lines: readonly string[]; readonly why: string };

const dense = (args: string): Refusal['lines'] => ['Input(shape=(4,))', `Dense(2, ${args})`];

/** Arguments whose non-default values klayers refuses (the engine cannot honour them). */
export const REFUSED_ARGS: Readonly<Record<string, Refusal>> = {
  '*.dtype': { lines: dense("dtype='float64'"), why: 'tfjs layers compute in float32 only (golden float64_layer)' },
  'Dense.lora_rank': { lines: dense('lora_rank=2'), why: 'tfjs has no LoRA kernels' },
  'Dense.lora_alpha': { lines: dense('lora_alpha=2'), why: 'only meaningful with lora_rank; Keras shows it only then' },
  'Dense.quantization_config': { lines: dense("quantization_config='int8'"), why: 'tfjs has no quantized Dense' },
  'Conv1D.groups': { lines: ['Input(shape=(8, 4))', 'Conv1D(4, 3, groups=2)'], why: 'tfjs has no grouped convolutions' },
  'Conv2D.groups': { lines: ['Input(shape=(8, 8, 4))', 'Conv2D(4, 3, groups=2)'], why: 'tfjs has no grouped convolutions (golden conv2d_groups)' },
  'SimpleRNN.stateful': { lines: ['Input(batch_shape=(2, 5, 3))', 'SimpleRNN(3, stateful=True)'], why: 'klayers keeps no state between batches' },
  'LSTM.stateful': { lines: ['Input(batch_shape=(2, 5, 3))', 'LSTM(3, stateful=True)'], why: 'klayers keeps no state between batches' },
  'SimpleRNN.zero_output_for_mask': { lines: ['Input(shape=(5, 3))', 'SimpleRNN(3, zero_output_for_mask=True)'], why: 'tfjs repeats the last output at masked steps' },
  'LSTM.zero_output_for_mask': { lines: ['Input(shape=(5, 3))', 'LSTM(3, zero_output_for_mask=True)'], why: 'tfjs repeats the last output at masked steps' },
  'InputLayer.sparse': { lines: ['Input(shape=(4,), sparse=True)'], why: 'tfjs has no sparse tensors' },
  'InputLayer.ragged': { lines: ['Input(shape=(4,), ragged=True)'], why: 'tfjs has no ragged tensors' },
  'InputLayer.tensor': { lines: ['Input(shape=(4,), tensor=x)'], why: 'klayers builds the input placeholder itself' },
};

/** Values of a covered kind that klayers refuses. */
export const REFUSED_VALUES = {
  activation: {
    glu: "it halves the last axis, which klayers' shape inference does not model",
    sparsemax: 'tfjs has no differentiable sort to build it from',
    threshold: "needs 'threshold' and 'default_value', so it cannot be named by a string",
  } as Readonly<Record<string, string>>,
};

type ObjectRefusal = { readonly line: string; readonly names: string; readonly why: string };

/**
 * Initializer/regularizer/constraint classes (`Class.*`) or parameters (`Class.param`, `*.param`)
 * klayers refuses; `line` follows an Input(shape=(4,)) and must be refused with `names` in the message.
 */
export const OBJECT_PARAMS_REFUSED: Readonly<Record<string, ObjectRefusal>> = {
  'OrthogonalRegularizer.*': { line: 'Dense(2, kernel_regularizer=OrthogonalRegularizer(factor=0.1))', names: 'OrthogonalRegularizer', why: 'tfjs has no such regularizer' },
  '*.input_axes': { line: 'Dense(2, kernel_initializer=GlorotUniform(input_axes=0))', names: 'input_axes is not supported', why: 'tfjs computes fans from the shape only' },
  '*.output_axes': { line: 'Dense(2, kernel_initializer=HeNormal(output_axes=1))', names: 'output_axes is not supported', why: 'tfjs computes fans from the shape only' },
  'VarianceScaling.distribution=untruncated_normal': {
    line: "Dense(2, kernel_initializer=VarianceScaling(distribution='untruncated_normal'))",
    names: "distribution='untruncated_normal'",
    why: 'tfjs has only truncated and uniform variance scaling (uniform covers the parameter)',
  },
};

/** Initializer parameters Keras's get_config() does not show. */
export const OBJECT_PARAMS_NOT_IN_KERAS_CONFIG: Readonly<Record<string, string>> = {
  'Identity.gain': "Keras's Identity.get_config() forgets gain (klayers keeps it); initializers_all types gain=0.5",
};
