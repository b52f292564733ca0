import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/user-error.js';
import { caseTitle, golden, runCase } from './conv-rnn-golden.js';

/** Every golden case from real Keras for Conv1D/Conv2D, pooling and SimpleRNN/LSTM. */
for (const group of ['conv', 'pool', 'rnn'] as const) {
  test(`${group}: output shapes, weights and params match Keras ${golden.keras_version}`, () => {
    const cases = golden[group].filter((c) => !c.error);
    assert.ok(cases.length > 20);
    for (const c of cases) {
      const { output, weights } = runCase(c);
      assert.deepEqual(output, c.output_shape, caseTitle(c));
      assert.deepEqual(weights, c.weights, caseTitle(c));
      const params = weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
      assert.equal(params, c.params, caseTitle(c));
    }
  });

  test(`${group}: every input Keras rejects is rejected with a UserError`, () => {
    for (const c of golden[group].filter((g) => g.error)) {
      assert.throws(() => runCase(c), UserError, `${caseTitle(c)} — Keras: ${c.error!.message}`);
    }
  });
}
