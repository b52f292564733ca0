import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLambda } from '../../src/lambda/index.js';
import { lambdaToKeras } from '../../src/export/lambda-to-keras.js';
import { buildModel, disposeModel } from '../../src/engine/build/build.js';
import { predictArrays } from '../../src/engine/io/weights.js';
import { initBackend } from '../../src/engine/backend/backend.js';
import { UserError } from '../../src/core/user-error.js';
import { NO_KERAS, runPython } from './python.js';

const INPUT = [null, 4, 6] as const;

/** Expressions covering every place where klayers's meaning differs from a bare ops call. */
const EXPRESSIONS = [
  'x * 2 + 1', '-x ** 2', 'x > 0.5', 'x != 0', 'argmax(x, axis=-1)', 'argmin(x, axis=1, keepdims=True)',
  'l2_normalize(x, axis=1)', 'concatenate([x, square(x)])', 'stack([x, x])', 'reshape(x, (6, 4))', 'reshape(x, (-1, 2))',
  'flatten(x)', 'permute(x, (2, 1))', 'transpose(x, (0, 2, 1))', 'squeeze(expand_dims(x, 2))', 'x[:, -1]', 'x[:, 1:3, ::2]',
  'x[..., 0]', 'x[:, None]', 'pow(abs(x), 0.5)', 'clip(x, -0.5, 0.5)', 'where(x > 0, x, 0.1 * x)', 'softmax(x, axis=1)',
  'log_softmax(x)', 'cumsum(x, axis=1)', 'mean(x, axis=(1, 2))', 'std(x, axis=-1, keepdims=True)', 'logsumexp(x, axis=1)',
  'hard_sigmoid(x) + gelu(x) + silu(x)', 'maximum(x, 0.2) - minimum(x, -0.2)', 'sum(x)',
];

test('translations read as keras.ops', () => {
  const t = (s: string) => lambdaToKeras(parseLambda(s), INPUT);
  assert.equal(t('x > 0.5'), 'lambda x: ops.cast(ops.greater(x, 0.5), "float32")');
  assert.equal(t('concatenate([x, square(x)])'), 'lambda x: ops.concatenate([x, ops.square(x)], axis=-1)');
  assert.equal(t('permute(x, (2, 1))'), 'lambda x: ops.transpose(x, (0, 2, 1))');
  assert.equal(t('flatten(x)'), 'lambda x: ops.reshape(x, (-1, 24))');
  assert.equal(t('reshape(x, (-1, 2))'), 'lambda x: ops.reshape(x, (-1, 12, 2))');
  assert.equal(t('argmax(x, axis=-1)'), 'lambda x: ops.cast(ops.argmax(x, axis=-1, keepdims=False), "float32")');
  assert.equal(t('mean(x, axis=1, keepdims=True)'), 'lambda x: ops.mean(x, axis=1, keepdims=True)');
  assert.throws(() => lambdaToKeras(parseLambda('flatten(x)'), [null, null, 6]), UserError);
});

test('Keras computes what klayers computes for every translated expression', { skip: NO_KERAS }, async () => {
  await initBackend('cpu');
  const values = Float32Array.from({ length: 2 * 4 * 6 }, (_, i) => Math.sin(i * 1.3) * 1.5);
  const ours: number[][] = [];
  for (const expression of EXPRESSIONS) {
    const model = await buildModel({ name: 'm', inputShape: [...INPUT], inputDtype: 'float32', layers: [{ className: 'Lambda', name: 'lambda', args: { function: expression, output_shape: null, mask: null, arguments: null } }] });
    ours.push([...predictArrays(model, { shape: [2, 4, 6], values })[0]!.values]);
    disposeModel(model);
  }
  const lambdas = EXPRESSIONS.map((e) => lambdaToKeras(parseLambda(e), INPUT));
  const code = [
    'import json, numpy as np, keras',
    'from keras import layers, ops',
    `x = np.array(${JSON.stringify([...values])}, dtype="float32").reshape(2, 4, 6)`,
    `fns = [${lambdas.join(', ')}]`,
    'print(json.dumps([np.asarray(layers.Lambda(f)(x), dtype="float32").ravel().tolist() for f in fns]))',
  ].join('\n');
  const theirs = JSON.parse(runPython(code)) as number[][];
  EXPRESSIONS.forEach((e, i) => {
    assert.equal(theirs[i]!.length, ours[i]!.length, `${e}: sizes`);
    theirs[i]!.forEach((v, j) => assert.ok(Math.abs(v - ours[i]![j]!) <= 1e-5 * Math.max(1, Math.abs(v)), `${e} [${j}]: Keras ${v}, klayers ${ours[i]![j]} (${lambdas[i]})`));
  });
});
