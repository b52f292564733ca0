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
