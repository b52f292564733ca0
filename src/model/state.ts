import type { Value } from '../lang/ast.js';
import type { LayerArgs } from '../layers/types.js';

/** One layer the user added, with every argument normalized and a Keras-style unique name. */
export interface LayerEntry {
  readonly className: string;
  readonly name: string;
  readonly args: LayerArgs;
  /**
   * The arguments the user gave, by name, as typed. `set` re-creates the layer from these plus
   * the changes, so values Keras derives from others (pooling strides from pool_size) follow.
   */
  readonly given: Readonly<Record<string, Value>>;
}

/** The Input of the model (`Input(shape=(28, 28, 1))`), kept as its normalized arguments. */
export interface InputEntry {
  readonly args: LayerArgs;
  readonly name: string | null;
}

/**
 * Everything the model session holds. Immutable: every edit makes a new state, so undo/redo and
 * "refuse and leave the session exactly as it was" are just keeping the previous object.
 */
export interface ModelState {
  readonly modelName: string;
  readonly input: InputEntry | null;
  readonly layers: readonly LayerEntry[];
  /** How many auto-names each prefix has handed out, as Keras's per-process name counters. */
  readonly nameCounters: Readonly<Record<string, number>>;
}

export const EMPTY_STATE: ModelState = {
  modelName: 'sequential',
  input: null,
  layers: [],
  nameCounters: {},
};
