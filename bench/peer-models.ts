/**
 * The five models of the peer bench (the ones people train, as in the table), as typed
 * into klayers; bench/peers.py builds the same ones in Keras 3 and PyTorch under the same keys.
 */
export interface PeerModel {
  /** Key shared with bench/peers.py. */
  readonly key: string;
  readonly name: string;
  readonly lines: readonly string[];
  readonly inputShape: readonly number[];
  /** > 1: one-hot classes with categorical crossentropy; 1: a regression target with mse. */
  readonly classes: number;
  /** Rows per timed epoch (synthetic, seeded): enough for a steady rate, few enough for cpu. */
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
    rows: 512,
  },
  {
    key: 'lstm128',
    name: 'LSTM(128) 64 steps',
    lines: ['keras.Input(shape=(64, 16))', 'LSTM(128)', 'Dense(1)'],
    inputShape: [64, 16],
    classes: 1,
    rows: 256,
  },
];
