import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, disposeModel, initBackend } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';

const X = [1, 2, 3, 4, 5, 6, 7];
const K = [0.5, -1, 2]; // taps applied to x[t - 2d], x[t - d], x[t]

function close(actual: ArrayLike<number>, expected: number[], label: string) {
  assert.equal(actual.length, expected.length, label);
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i]! - e) < 1e-5, `${label}[${i}]: ${actual[i]} vs ${e}`));
}

async function conv1d(text: string, input: number[] = X) {
  const model = await buildModel(kerasPlan([null, input.length, 1], [text]));
  model.getLayer('conv1d').setWeights([tf.tensor3d(K, [3, 1, 1]), tf.tensor1d([0.25])]);
  return model;
}

test("Conv1D padding='causal' equals left zero padding of dilation*(kernel-1) then a valid conv", async () => {
  await initBackend('cpu');
  for (const d of [1, 2]) {
    const model = await conv1d(`Conv1D(1, 3, padding='causal', dilation_rate=${d})`);
    const y = model.predict(tf.tensor3d(X, [1, X.length, 1])) as tf.Tensor;
    const at = (t: number) => (t >= 0 ? X[t]! : 0);
    const expected = X.map((_, t) => K[0]! * at(t - 2 * d) + K[1]! * at(t - d) + K[2]! * at(t) + 0.25);
    close(y.dataSync(), expected, `causal d=${d}`);
    y.dispose();
    disposeModel(model);
  }
});

test('a dilated Conv1D predicts the dilated convolution and has gradients (tfjs alone throws)', async () => {
  const model = await conv1d('Conv1D(1, 3, dilation_rate=2)');
  const x = tf.tensor3d(X, [1, X.length, 1]);
  const y = model.predict(x) as tf.Tensor;
  const valid = X.slice(4).map((_, i) => K[0]! * X[i]! + K[1]! * X[i + 2]! + K[2]! * X[i + 4]! + 0.25);
  close(y.dataSync(), valid, 'dilated valid');
  // d(sum y)/dK[j] = sum over outputs of the input each tap saw.
  const layer = model.getLayer('conv1d');
  const { grads } = tf.variableGrads(() => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar, [layer.weights[0]!.read() as tf.Variable]);
  const grad = Object.values(grads)[0];
  const sumFrom = (start: number) => X.slice(start, start + valid.length).reduce((a, b) => a + b, 0);
  close(grad!.dataSync(), [sumFrom(0), sumFrom(2), sumFrom(4)], 'kernel gradient');
  tf.dispose([x, y, grad]);
  disposeModel(model);
});

test('a dilated Conv2D matches tfjs forward and trains with fit', async () => {
  const model = await buildModel(kerasPlan([null, 9, 9, 2], ["Conv2D(3, 3, dilation_rate=(2, 1), padding='same')"]));
  const layer = model.getLayer('conv2d');
  const [kernel, bias] = layer.getWeights();
  const x = tf.randomNormal([2, 9, 9, 2]);
  const y = model.predict(x) as tf.Tensor;
  const reference = tf.add(tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, 1, 'same', 'NHWC', [2, 1]), bias!);
  close(y.dataSync(), Array.from(reference.dataSync()), 'dilated 2-D');
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  const history = await model.fit(x, tf.zerosLike(y), { epochs: 2, verbose: 0 });
  assert.equal(history.history.loss!.length, 2);
  assert.ok((history.history.loss![1] as number) < (history.history.loss![0] as number));
  tf.dispose([x, y, reference]); // getWeights() returns the variables themselves
  disposeModel(model);
});

test("channels_first Conv1D and pooling compute on the channel axis Keras uses", async () => {
  const model = await buildModel(
    kerasPlan([null, 2, 6], ["Conv1D(3, 2, data_format='channels_first')", "MaxPooling1D(2, data_format='channels_first')"]),
  );
  const [kernel, bias] = model.getLayer('conv1d').getWeights();
  const x = tf.randomNormal([2, 2, 6]);
  const y = model.predict(x) as tf.Tensor;
  // The same computation written channels-last by hand: (batch, 2 channels, 6 steps) -> steps-major.
  const reference = tf.tidy(() => {
    const conv = tf.add(tf.conv1d(tf.transpose(x, [0, 2, 1]) as tf.Tensor3D, kernel as tf.Tensor3D, 1, 'valid'), bias!);
    const pooled = tf.maxPool(tf.expandDims(conv, 2) as tf.Tensor4D, [2, 1], [2, 1], 'valid');
    return tf.transpose(tf.squeeze(pooled, [2]), [0, 2, 1]);
  });
  assert.deepEqual(y.shape, [2, 3, 2]);
  close(y.dataSync(), Array.from(reference.dataSync()), 'channels_first');
  tf.dispose([x, y, reference]); // getWeights() returns the variables themselves
  disposeModel(model);
});
