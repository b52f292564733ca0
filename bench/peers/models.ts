/**
 * The five reference models of the peer bench, as typed into klayers; bench/peers.py builds the
 * same ones (by `key`) in Keras 3 and in PyTorch. Every peer trains and predicts the same number
 * of synthetic rows, so an epoch is the same work everywhere.
 */

/** One reference model. */
export interface PeerModel {
  /** The key bench/peers.py knows it by. */
  readonly key: string;
  readonly name: string;
  readonly lines: readonly string[];
  readonly inputShape: readonly number[];
  /** > 1: one-hot classes (softmax, categorical crossentropy); 1: a regression target (mse). */
  readonly classes: number;
  /** Rows per epoch: enough for a steady rate, few enough for klayers's cpu backend. */
  readonly rows: number;
}

export const PEER_MODELS: readonly PeerModel[] = [
  {
    key: 'mlp',
    name: 'MLP 20-64-32-3',
    lines: ['keras.Input(shape=(20,))', "Dense(64, activation='relu')", "Dense(32, activation='relu')", "Dense(3, activation='softmax')"],
    inputShape: [20],
    classes: 3,
    rows: 8192,
  },
  {
    key: 'cnn',
    name: 'Conv8-Pool-Dense10',
    lines: ['keras.Input(shape=(28, 28, 1))', 'Conv2D(8, 3)', 'MaxPooling2D()', 'Flatten()', "Dense(10, activation='softmax')"],
    inputShape: [28, 28, 1],
    classes: 10,
    rows: 1024,
  },
  {
    key: 'lstm32',
    name: 'LSTM(32) 20x8',
    lines: ['keras.Input(shape=(20, 8))', 'LSTM(32)', 'Dense(1)'],
    inputShape: [20, 8],
    classes: 1,
    rows: 1024,
  },
  {
    key: 'mnist',
    name: 'Keras MNIST convnet',
    lines: [
      'keras.Input(shape=(28, 28, 1))',
      "Conv2D(32, kernel_size=(3, 3), activation='relu')",
      'MaxPooling2D(pool_size=(2, 2))',
      "Conv2D(64, kernel_size=(3, 3), activation='relu')",
      'MaxPooling2D(pool_size=(2, 2))',
      'Flatten()',
      'Dropout(0.5)',
      "Dense(10, activation='softmax')",
    ],
    inputShape: [28, 28, 1],
    classes: 10,
    rows: 256,
  },
  {
    key: 'lstm128',
    name: 'LSTM(128) 64x16',
    lines: ['keras.Input(shape=(64, 16))', 'LSTM(128)', 'Dense(1)'],
    inputShape: [64, 16],
    classes: 1,
    rows: 256,
  },
];

/** One measured cell: a model at a batch size, training or predicting. */
export interface Cell {
  readonly model: PeerModel;
  readonly batch: number;
  readonly mode: 'train' | 'predict';
}

/** A runner of cells: klayers on one backend, or a Python peer. */
export interface Peer {
  readonly name: string;
  /**
   * Samples/s of `cell`: runs (epochs or predicts over all rows) repeated until `minSeconds`
   * have passed; the first time a cell is asked for, one untimed run warms it up.
   */
  measure(cell: Cell, minSeconds: number): Promise<number>;
  close(): void;
}

/** Deterministic synthetic data of a model's shapes (a fixed-seed LCG; no tfjs random). */
export function syntheticData(model: PeerModel): { x: Float32Array; y: Float32Array; yShape: number[] } {
  let state = 12345;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const x = new Float32Array(model.rows * model.inputShape.reduce((a, b) => a * b, 1)).map(() => next() * 2 - 1);
  if (model.classes === 1) return { x, y: new Float32Array(model.rows).map(() => next() * 2 - 1), yShape: [1] };
  const y = new Float32Array(model.rows * model.classes);
  for (let r = 0; r < model.rows; r++) y[r * model.classes + Math.floor(next() * model.classes)] = 1;
  return { x, y, yShape: [model.classes] };
}
