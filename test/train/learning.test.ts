import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, runAll } from '../helpers/run.js';

// The playground's circle and xor are learnable by a small tanh MLP; a fit that does not get
// past 90 % validation accuracy means training is broken, not unlucky.
for (const set of ['circle', 'xor']) {
  test(`a small MLP learns builtin:${set} to more than 90 % validation accuracy`, async () => {
    const ctx = freshContext();
    const out = await runAll(ctx, [
      'seed 1',
      `load builtin:${set} n=400`,
      "Dense(8, activation='tanh')",
      "Dense(8, activation='tanh')",
      "Dense(1, activation='sigmoid')",
      'compile optimizer=Adam(learning_rate=0.03)',
      'fit epochs=40 batch_size=16 verbose=0',
      'evaluate',
    ]);
    const accuracy = Number(/accuracy: ([0-9.]+)/.exec(out.at(-1)!)?.[1]);
    assert.ok(accuracy > 0.9, `validation accuracy ${accuracy}:\n${out.at(-1)}`);
  });
}
