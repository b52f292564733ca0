import type { OutputShape } from '../core/shape.js';

/** One row of a summary table: a layer as Keras's `model.summary()` lists it. */
export interface SummaryRow {
  readonly name: string;
  /** Keras class name: shown as `dense (Dense)`. */
  readonly className: string;
  /** null while the model is unbuilt (Keras prints `?`). */
  readonly outputShape: OutputShape | null;
  readonly params: number;
  /** Whether the layer is trainable (show_trainable column: `Y`/`N`). */
  readonly trainable: boolean;
  /**
   * Whether Keras has built this layer; the model's `built` when absent. In an unbuilt model the
   * layers Keras builds at creation (Dropout, pooling, ...) are built and show `0`.
   */
  readonly built?: boolean;
  /** Multiply-adds per sample (flops=True). */
  readonly flops?: number;
}

/** Everything a summary needs, as plain data. */
export interface SummaryModel {
  readonly name: string;
  readonly rows: readonly SummaryRow[];
  /** False when the model has no input shape yet (`0 (unbuilt)` params in Keras). */
  readonly built: boolean;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  /** After compile+fit Keras adds ` Optimizer params:`; undefined means no such line. */
  readonly optimizerParams?: number;
}

export interface SummaryOptions {
  readonly style: 'keras3' | 'keras2';
  /** Terminal columns; Keras 3 uses min(88, columns - 4) for a Sequential model. */
  readonly columns: number;
  /** `model.summary(line_length=100)`: the table is that wide, cut at the console's width as rich does. */
  readonly lineLength?: number;
  readonly showTrainable?: boolean;
  readonly flops?: boolean;
  readonly memory?: boolean;
  /** Batch size for memory=True per-batch estimates (default 32). */
  readonly batchSize?: number;
}
