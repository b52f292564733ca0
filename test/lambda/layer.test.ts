import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/engine/backend/tf.js';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { createLambdaLayer, KlayersLambda, registerLambdaLayer } from '../../src/engine/lambda/layer.js';
import { LAMBDA_FUNCTIONS } from '../../src/lambda/index.js';
import { UserError } from '../../src/core/user-error.js';
import { sampleFor } from './samples.js';

before(async () => {
  await tf.setBackend('cpu');
  registerLambdaLayer();
  registerLambdaLayer(); // idempotent
});

/** model.toJSON -> modelFromJSON, the path a saved model takes. */
async function reload(model: tf.LayersModel): Promise<tf.LayersModel> {
  const json = model.toJSON(undefined, false) as tf.io.ModelJSON['modelTopology'];
  return tf.models.modelFromJSON({ modelTopology: json } as tf.io.ModelJSON);
}

function lambdaModel(expression: string, inputShape: number[]): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape }));
  model.add(createLambdaLayer({ expression, name: 'lam' }));
  return model;
}

test('Lambda("x * 2 + 1") predicts 2x+1 before and after a JSON round trip', async () => {
  const model = lambdaModel('x * 2 + 1', [4]);
  const x = tf.tensor2d([[0, 1, -2, 0.5], [3, 4, 5, 6]]);
  const expected = [1, 3, -3, 2, 7, 9, 11, 13];
  assert.deepEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()), expected);
  const json = JSON.parse(model.toJSON() as string);
  assert.deepEqual(json.config.layers[1], { class_name: 'KlayersLambda', config: { name: 'lam', trainable: true, expression: 'x * 2 + 1', output_shape: null } });
  const loaded = await reload(model);
  assert.ok(loaded.layers[1] instanceof KlayersLambda);
  assert.deepEqual(Array.from((loaded.predict(x) as tf.Tensor).dataSync()), expected);
});

test('output shapes are inferred, or taken from output_shape (batch axis excluded) as Keras', () => {
  assert.deepEqual(lambdaModel('mean(x, axis=1)', [3, 4]).outputShape, [null, 4]);
  assert.deepEqual(lambdaModel('x[:, ::2, None]', [6]).outputShape, [null, 3, 1]);
  const given = tf.sequential();
  given.add(tf.layers.inputLayer({ inputShape: [4] }));
  given.add(createLambdaLayer({ expression: 'x * 2', outputShape: [4] }));
  assert.deepEqual(given.outputShape, [null, 4]);
  assert.deepEqual(given.layers[1]!.getConfig().outputShape, [4]);
});

test('bad expressions and impossible shapes are UserErrors when the model is built', () => {
  assert.throws(() => createLambdaLayer({ expression: 'x * ' }), UserError);
  assert.throws(() => lambdaModel('mean(x, axis=3)', [4, 2]), (e: unknown) => e instanceof UserError && /axis 3 is out of range for input of rank 3/.test(e.message));
});

test('names with underscores, None and True survive tfjs config case conversion', async () => {
  const expression = 'expand_dims(l2_normalize(x[:, None, :], axis=-1), 1) + log_softmax(hard_sigmoid(x))[:, None] * mean(x, axis=-1, keepdims=True)[:, None]';
  const loaded = await reload(lambdaModel(expression, [4]));
  const layer = loaded.layers[1] as KlayersLambda;
  assert.equal(layer.expression, expression);
  const x = tf.randomNormal([2, 4]);
  const before = (lambdaModel(expression, [4]).predict(x) as tf.Tensor).dataSync();
  assert.deepEqual((loaded.predict(x) as tf.Tensor).dataSync(), before);
});

test('a model using each function predicts the same after a JSON round trip', async () => {
  const x = tf.randomNormal([2, 3, 4]);
  for (const fn of LAMBDA_FUNCTIONS) {
    const model = lambdaModel(sampleFor(fn.name), [3, 4]);
    const loaded = await reload(model);
    assert.equal((loaded.layers[1] as KlayersLambda).expression, (model.layers[1] as KlayersLambda).expression, fn.name);
    assert.deepEqual((loaded.predict(x) as tf.Tensor).dataSync(), (model.predict(x) as tf.Tensor).dataSync(), fn.name);
  }
});

test('random canonical expressions survive a JSON round trip', async () => {
  const pieces = fc.constantFrom('x', 'square(x)', 'x[:, None, :]', 'expand_dims(x, 1)', 'log_softmax(x)', 'mean(x, axis=-1, keepdims=True)', 'transpose(x, axes=None)', '1e-07', '2.5');
  await fc.assert(
    fc.asyncProperty(fc.array(pieces, { minLength: 1, maxLength: 4 }), fc.constantFrom(' + ', ' * ', ' - '), async (parts, op) => {
      const expression = parts.join(op);
      let model: tf.Sequential;
      try {
        model = lambdaModel(expression, [4]);
      } catch (error) {
        assert.ok(error instanceof UserError); // shapes that cannot broadcast
        return;
      }
      const loaded = await reload(model);
      assert.equal((loaded.layers[1] as KlayersLambda).expression, (model.layers[1] as KlayersLambda).expression);
    }),
    { seed: FUZZ_SEED, numRuns: 60 },
  );
});

test('gradients flow through Lambda: Dense then square(x) trains', async () => {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones' }));
  model.add(createLambdaLayer({ expression: 'square(x)' }));
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  const kernel = () => Array.from(model.layers[0]!.getWeights()[0]!.dataSync());
  const before = kernel();
  await model.fit(tf.tensor2d([[1, 2], [0.5, -1]]), tf.tensor2d([[0, 1, 2], [1, 0, 1]]), { epochs: 1, batchSize: 2, verbose: 0 });
  const after = kernel();
  assert.ok(after.some((v, i) => Math.abs(v - before[i]!) > 1e-4), `kernel changed: ${before} -> ${after}`);
});
