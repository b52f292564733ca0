import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import { initBackend } from '../../src/engine/index.js';
import { useFusedLstm } from '../../src/engine/layers/fused-lstm.js';
import { useFusedSimpleRnn } from '../../src/engine/layers/fused-simple-rnn.js';

// The fused LSTM and SimpleRNN must compute what tfjs's own layers compute (which the Keras
// goldens check): outputs and every gradient, with masks (a fully masked sample too),
// go_backwards and sequences.

type Kind = 'LSTM' | 'SimpleRNN';

const [B, T, I, H] = [3, 5, 4, 6];

function pair(kind: Kind, returnSequences: boolean, goBackwards: boolean, useBias = true): [tf.layers.Layer, tf.layers.Layer] {
  const config = { units: H, returnSequences, goBackwards, useBias } as const;
  const lstm = { ...config, recurrentActivation: 'sigmoid', unitForgetBias: true } as const;
  const [own, fused] =
    kind === 'LSTM' ? [tf.layers.lstm(lstm), useFusedLstm(tf.layers.lstm(lstm))] : [tf.layers.simpleRNN(config), useFusedSimpleRnn(tf.layers.simpleRNN(config))];
  own.build([B, T, I]);
  fused.build([B, T, I]);
  // Random weights (not the initializers' structure), the same in both.
  fused.setWeights(own.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.8, 0.8, 'float32', 7 + i)));
  own.setWeights(fused.getWeights());
  return [own, fused];
}

function run(layer: tf.layers.Layer, x: tf.Tensor, mask: tf.Tensor | null): { y: Float32Array; grads: Float32Array[] } {
  const weights = layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const f = () => {
    const y = layer.call(x, mask ? { mask } : {}) as tf.Tensor;
    // A loss that weighs every output differently, so each position's gradient counts.
    return tf.sum(tf.mul(y, tf.linspace(0.5, 1.5, y.size).reshape(y.shape))) as tf.Scalar;
  };
  const { grads } = tf.variableGrads(f, weights);
  const dx = tf.grad((input: tf.Tensor) => {
    const y = layer.call(input, mask ? { mask } : {}) as tf.Tensor;
    return tf.sum(tf.mul(y, tf.linspace(0.5, 1.5, y.size).reshape(y.shape)));
  })(x);
  const y = layer.call(x, mask ? { mask } : {}) as tf.Tensor;
  return { y: y.dataSync() as Float32Array, grads: [dx, ...weights.map((w) => grads[w.name]!)].map((g) => g.dataSync() as Float32Array) };
}

function close(a: Float32Array, b: Float32Array, what: string): void {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) <= 1e-5 + 1e-5 * Math.abs(b[i]!), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

async function checkAll(kind: Kind, backend: 'cpu' | 'wasm' | 'tensorflow'): Promise<void> {
  await initBackend(backend);
  const x = tf.randomNormal([B, T, I], 0, 1, 'float32', 3);
  // Sample 0 partly masked (a middle and the last step), sample 1 fully masked, sample 2 not at all.
  const mask = tf.tensor2d([[1, 0, 1, 1, 0], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]], [B, T], 'bool');
  for (const sequences of [false, true]) {
    for (const backwards of [false, true]) {
      for (const m of [null, mask]) {
        for (const bias of backwards ? [true] : [true, false]) {
          const [own, fused] = pair(kind, sequences, backwards, bias);
          const what = `${kind} ${backend} return_sequences=${sequences} go_backwards=${backwards} use_bias=${bias}${m ? ' masked' : ''}`;
          const expected = run(own, x, m);
          const actual = run(fused, x, m);
          close(actual.y, expected.y, `${what} output`);
          actual.grads.forEach((g, i) => close(g, expected.grads[i]!, `${what} gradient ${i === 0 ? 'x' : own.trainableWeights[i - 1]!.name}`));
        }
      }
    }
  }
}

const native = await initBackend('tensorflow').then(
  () => null,
  (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
);

for (const kind of ['LSTM', 'SimpleRNN'] as const) {
  test(`the fused ${kind} gives tfjs ${kind} outputs and gradients on cpu and wasm`, async () => {
    await checkAll(kind, 'cpu');
    await checkAll(kind, 'wasm');
  });
  test(`on native TensorFlow, the fused ${kind} (BlockLSTM for the LSTM) gives the same outputs and gradients`, { skip: native === null ? false : `native TensorFlow is not loaded here: ${native}` }, async () => {
    await checkAll(kind, 'tensorflow');
  });
}
