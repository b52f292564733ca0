import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '../../src/engine/backend/tf.js';
import { buildModel, checkSupported, disposeModel, initBackend } from '../../src/engine/index.js';
import { kerasPlan } from './keras-plans.js';
import { repoRoot } from '../helpers/repo-root.js';

/** Keras 3.15 outputs, written by activation-goldens.py. */
const golden = JSON.parse(readFileSync(join(repoRoot(), 'test/engine/activation-goldens.json'), 'utf8')) as {
  x: number[];
  y: Record<string, number[]>;
};

test('every supported activation computes what Keras 3 computes', async () => {
  await initBackend('cpu');
  for (const [name, expected] of Object.entries(golden.y)) {
    const model = await buildModel(kerasPlan([null, golden.x.length], [`Activation('${name}')`]));
    const y = model.predict(tf.tensor2d([golden.x])) as tf.Tensor;
    const actual = Array.from(y.dataSync());
    actual.forEach((v, i) => {
      assert.ok(Math.abs(v - expected[i]!) <= 1e-5 + 1e-5 * Math.abs(expected[i]!), `${name}(${golden.x[i]}) = ${v}, Keras ${expected[i]}`);
    });
    y.dispose();
    disposeModel(model);
  }
});

test('Keras 3 hard_sigmoid and leaky_relu are used, not the different tfjs functions of those names', async () => {
  // tfjs hardSigmoid(1) = 0.2 + 0.5 = 0.7; Keras 3: relu6(1 + 3) / 6 = 0.667.
  // tfjs LeakyReLU's default slope is 0.3; Keras 3 leaky_relu's negative_slope is 0.2.
  const model = await buildModel(kerasPlan([null, 1], ["Dense(2, activation='hard_sigmoid')", "Activation('leaky_relu')"]));
  const dense = model.getLayer('dense');
  dense.setWeights([tf.tensor2d([[1, 0]]), tf.tensor1d([0, -5])]);
  const y = model.predict(tf.tensor2d([[1]])) as tf.Tensor;
  const [a, b] = Array.from(y.dataSync());
  assert.ok(Math.abs(a! - 4 / 6) < 1e-6, `leaky_relu(hard_sigmoid(1)) = ${a}`);
  assert.ok(Math.abs(b! - 0) < 1e-6, `hard_sigmoid(-5) = 0, got ${b}`);
  const leaky = await buildModel(kerasPlan([null, 1], ["Activation('leaky_relu')"]));
  const z = leaky.predict(tf.tensor2d([[-5]])) as tf.Tensor;
  assert.ok(Math.abs(z.dataSync()[0]! + 1) < 1e-6, `leaky_relu(-5) = ${z.dataSync()[0]}`);
  tf.dispose([y, z]);
  disposeModel(model);
  disposeModel(leaky);
});

test('activations tfjs cannot honour are refused by name, before building', () => {
  for (const name of ['glu', 'sparsemax']) {
    const problems = checkSupported(kerasPlan([null, 4], [`Dense(4, activation='${name}')`]));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, new RegExp(`Dense 'dense': activation='${name}' is not supported`));
  }
});
