/**
 * Catalog arguments that Keras 3's `get_config()` leaves out (read from Keras 3.15: every catalog
 * class built with defaults, its config keys compared with the catalog's arguments).
 */
const ALWAYS: readonly string[] = ['autocast', 'input_shape'];

const BY_CLASS: Readonly<Record<string, readonly string[]>> = {
  Dense: ['activity_regularizer', 'lora_alpha'],
  SimpleRNN: ['seed'],
  LSTM: ['use_cudnn', 'implementation'],
  Lambda: ['output_shape', 'mask'],
  InputLayer: ['shape', 'batch_size', 'tensor'],
};

/** Whether Keras's config for `className` has the argument `name` (with this value). */
export function inKerasConfig(className: string, name: string, value: unknown): boolean {
  if (ALWAYS.includes(name) || BY_CLASS[className]?.includes(name)) return false;
  // Dense shows lora_rank only when LoRA is on.
  if (name === 'lora_rank' && value === null) return false;
  return true;
}

/** get_config()'s key order where it differs from the constructor's (read from Keras 3.15). */
const POOLING = ['pool_size', 'padding', 'strides'];
// Keras's RNN layers put the RNN wrapper's own keys before the cell's.
const RNN = ['return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'zero_output_for_mask', 'units'];
const ORDER: Readonly<Record<string, readonly string[]>> = {
  Dropout: ['rate', 'seed', 'noise_shape'],
  MaxPooling1D: POOLING,
  MaxPooling2D: POOLING,
  AveragePooling1D: POOLING,
  AveragePooling2D: POOLING,
};
const FIRST: Readonly<Record<string, readonly string[]>> = { SimpleRNN: RNN, LSTM: RNN };

/** `config` with its keys in Keras's order for `className` (the keys ORDER does not list stay put). */
export function inKerasOrder<T>(className: string, config: { [key: string]: T }): { [key: string]: T } {
  const first = FIRST[className];
  if (first) {
    // These keys move to just after name/trainable/dtype, in this order.
    const keys = Object.keys(config);
    const head = keys.slice(0, 3);
    const moved = first.filter((k) => k in config && !head.includes(k));
    const rest = keys.slice(3).filter((k) => !moved.includes(k));
    return Object.fromEntries([...head, ...moved, ...rest].map((k) => [k, config[k]!]));
  }
  const order = ORDER[className];
  if (!order) return config;
  const keys = Object.keys(config);
  const listed = keys.filter((k) => order.includes(k)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  let next = 0;
  return Object.fromEntries(keys.map((k) => (order.includes(k) ? listed[next++]! : k)).map((k) => [k, config[k]!]));
}
