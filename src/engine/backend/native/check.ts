/**
 * Setup's last step: native TensorFlow loads, and a small model (Dense 8→16 relu →4 softmax, one
 * Adam step) gives the same predictions and loss on it as on the wasm backend.
 */
import type * as TF from '../tf.js';
import { loadTf } from '../backend.js';
import { startWasm } from '../wasm/load.js';
import { startNative } from './load.js';

/** What the check found. */
export interface NativeCheck {
  readonly version: string;
  /** Largest |native − wasm| over the predictions and the loss after one training step. */
  readonly maxDiff: number;
  readonly agrees: boolean;
}

async function run(tf: typeof TF): Promise<number[]> {
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [8], activation: 'relu' }), tf.layers.dense({ units: 4, activation: 'softmax' })],
  });
  // Fixed weights and data: both backends compute the same numbers.
  model.setWeights(model.getWeights().map((w, i) => tf.tidy(() => tf.sin(tf.range(0, w.size).reshape(w.shape).mul(0.37 + i)).mul(0.5))));
  const x = tf.tidy(() => tf.cos(tf.range(0, 64).reshape([8, 8])));
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32'), 4);
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  const loss = (await model.trainOnBatch(x, y)) as number;
  const out = model.predict(x) as TF.Tensor;
  const values = [...(await out.data()), loss];
  tf.dispose([out, x, y]);
  model.dispose();
  return values;
}

/** Compare native TensorFlow with wasm; throws a one-line Error when native does not load. */
export async function checkNative(): Promise<NativeCheck> {
  const tf = await loadTf();
  if (!(await startWasm(tf))) throw new Error('the wasm backend did not start, so native TensorFlow could not be compared with it');
  const wasm = await run(tf);
  const native = await startNative(tf);
  if (!native.ok) throw new Error(native.why);
  const ours = await run(tf);
  const maxDiff = Math.max(...ours.map((v, i) => Math.abs(v - (wasm[i] ?? NaN))));
  return { version: native.version, maxDiff, agrees: maxDiff < 1e-5 };
}
