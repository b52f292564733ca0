/**
 * Several fit() steps of klayers against real Keras 3 (scripts/keras-golden/training.py): every
 * optimizer variant's per-step losses and final weights, and a fit with class_weight, accuracy
 * and validation data whose per-epoch logs must equal Keras's (class_weight weighs the loss
 * only; accuracy and validation are unweighted). All within 1e-5 × max(1, |keras|).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitGoldenCase, goldenRows, loadTrainingGolden } from './training/golden-fit.js';

const TOLERANCE = 1e-5;

/** `label: ours vs keras` for each value outside tolerance. */
function mismatches(label: string, ours: ArrayLike<number>, keras: readonly number[]): string[] {
  const out: string[] = [];
  if (ours.length !== keras.length) return [`${label}: ${ours.length} values, Keras ${keras.length}`];
  keras.forEach((k, i) => {
    const o = ours[i]!;
    if (!(Math.abs(o - k) <= TOLERANCE * Math.max(1, Math.abs(k)))) out.push(`${label}[${i}]: ours ${o}, Keras ${k}`);
  });
  return out;
}

const golden = loadTrainingGolden();

test('the training goldens cover every optimizer class and the variants tfjs computes differently', () => {
  const calls = golden.optimizers.map((c) => c.optimizer).join(' ');
  for (const needle of ['Adam()', 'amsgrad=True', 'RMSprop()', 'centered=True', 'momentum=0.9)', 'Adagrad(', 'nesterov=True']) {
    assert.ok(calls.includes(needle), `no golden case with ${needle}`);
  }
});

for (const c of golden.optimizers) {
  test(`fit with ${c.optimizer}: ${c.epochs} steps give Keras's losses and final weights`, async () => {
    const { epochs, weights } = await fitGoldenCase(golden, c);
    const problems = [
      ...mismatches('loss', epochs.map((e) => e.logs['loss']!), c.loss),
      ...c.final_weights.flatMap((w, i) => mismatches(`weight ${c.weights[i]!.path}`, weights[i]!, w)),
    ];
    assert.deepEqual(problems, [], `${c.name} (Keras ${golden.keras}):\n  ${problems.slice(0, 8).join('\n  ')}`);
  });
}

test("fit with class_weight: loss, accuracy, val_loss and val_accuracy per epoch and the final weights equal Keras's", async () => {
  const c = golden.class_weight;
  const { epochs, weights } = await fitGoldenCase(golden, c, {
    validation: goldenRows(golden.val_seed, c.val_rows),
    classWeight: c.class_weight,
    metrics: [{ name: 'accuracy', fn: 'categorical_accuracy' }],
  });
  assert.deepEqual(Object.keys(epochs[0]!.logs), ['accuracy', 'loss', 'val_accuracy', 'val_loss']);
  const problems = [
    ...Object.entries(c.history).flatMap(([key, values]) => mismatches(key, epochs.map((e) => e.logs[key]!), values)),
    ...c.final_weights.flatMap((w, i) => mismatches(`weight ${c.weights[i]!.path}`, weights[i]!, w)),
  ];
  assert.deepEqual(problems, [], problems.slice(0, 8).join('\n'));
});
