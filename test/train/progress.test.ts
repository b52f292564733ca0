import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEpochLine, formatEta, formatProgressLine, formatStepTime } from '../../src/render/progress.js';
import { pyExponent, pyFixed } from '../../src/core/python.js';

// Lines printed by Keras 3.15 (JAX) for a 3-step epoch with validation and for evaluate():
//   3/3 - 3s - 887ms/step - accuracy: 0.3250 - loss: 1.1556 - mae: 0.4470 - val_accuracy: 0.4000 - val_loss: 1.1299 - val_mae: 0.4414
//   4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 492us/step - accuracy: 0.3400 - loss: 1.1469 - mae: 0.4453
test('the verbose=2 epoch line is Keras progbar text: count, seconds, time per step, metrics .4f', () => {
  const logs = { accuracy: 0.325, loss: 1.1556, mae: 0.447, val_accuracy: 0.4, val_loss: 1.1299, val_mae: 0.4414 };
  assert.equal(
    formatEpochLine({ steps: 3, elapsedMs: 2661, logs }),
    '3/3 - 3s - 887ms/step - accuracy: 0.3250 - loss: 1.1556 - mae: 0.4470 - val_accuracy: 0.4000 - val_loss: 1.1299 - val_mae: 0.4414',
  );
  // Steps are padded to the width of the total (`%{n}d/%d`); small values switch to .4e (avg > 1e-3).
  assert.equal(formatEpochLine({ steps: 12, elapsedMs: 120, logs: { loss: 0.0005 } }), '12/12 - 0s - 10ms/step - loss: 5.0000e-04');
  // verbose=2 compares the value itself with 1e-3, so a negative value prints in exponent form.
  assert.equal(formatEpochLine({ steps: 1, elapsedMs: 1500, logs: { loss: -0.5 } }), '1/1 - 2s - 2s/step - loss: -5.0000e-01');
});

test('an epoch stopped partway shows the steps it ran over the epoch\'s steps, timed over the steps run', () => {
  assert.equal(formatEpochLine({ steps: 9, elapsedMs: 900, logs: { loss: 0.5 } }, 15), ' 9/15 - 1s - 100ms/step - loss: 0.5000');
  assert.equal(formatEpochLine({ steps: 15, elapsedMs: 1500, logs: { loss: 0.5 } }, 15), '15/15 - 2s - 100ms/step - loss: 0.5000');
});

test('the verbose=1 line: bar of 20, elapsed when finished, ETA while running', () => {
  const done = formatProgressLine({ step: 4, steps: 4, elapsedMs: 1.968, logs: { accuracy: 0.34, loss: 1.1469, mae: 0.4453 }, finished: true }, 200);
  assert.equal(done, '4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 492us/step - accuracy: 0.3400 - loss: 1.1469 - mae: 0.4453');
  // Keras leaves step 1 out of the rate: (6000 - 1000) ms / 11 steps = 455 ms/step, ETA 35 × 0.4545 s.
  const running = formatProgressLine({ step: 12, steps: 47, elapsedMs: 6000, firstStepMs: 1000, logs: { loss: 0.4321 } }, 200);
  assert.equal(running, '12/47 ━━━━━━━━━━━━━━━━━━━━ 15s 455ms/step - loss: 0.4321');
});

test('the verbose=1 line fits its width by dropping whole metrics; the bar paints done and todo parts', () => {
  const line = formatProgressLine({ step: 5, steps: 10, elapsedMs: 500, logs: { accuracy: 0.5, loss: 0.25 } }, 70);
  assert.ok(line.length <= 70, line);
  assert.match(line, / - accuracy: 0\.5000$/);
  const painted = formatProgressLine({ step: 5, steps: 10, elapsedMs: 500, logs: {} }, 80, { done: (s) => `[${s}]`, todo: (s) => `<${s}>` });
  assert.match(painted, /^ 5\/10 \[━{10}\]<━{10}> /);
});

test('times and numbers are formatted as Python formats them', () => {
  assert.equal(formatStepTime(0.0412), ' 41ms/step');
  assert.equal(formatStepTime(2.4), ' 2s/step');
  assert.equal(formatStepTime(0.00085), ' 850us/step');
  assert.equal(formatEta(5.9), '5s');
  assert.equal(formatEta(65), '1:05');
  assert.equal(formatEta(3725), '1:02:05');
  // Exact binary ties round to even in Python: f"{0.03125:.4f}" == '0.0312', f"{2.5:.0f}" == '2'.
  assert.equal(pyFixed(0.03125, 4), '0.0312');
  assert.equal(pyFixed(0.28125, 4), '0.2812');
  assert.equal(pyFixed(0.09375, 4), '0.0938');
  assert.equal(pyFixed(2.5, 0), '2');
  assert.equal(pyFixed(3.5, 0), '4');
  assert.equal(pyFixed(0.12345, 4), '0.1235');
  assert.equal(pyExponent(0.00012345, 4), '1.2345e-04');
});

test('the closing best-epoch line writes a small loss as Keras writes it, not as 0.0000', async () => {
  const { fitBlocks } = await import('../../src/render/fit-report.js');
  const { renderBlockText } = await import('../../src/render/block-text.js');
  const epochs = [0.02, 1.2543e-5].map((v, epoch) => ({ epoch, logs: { loss: 0.5, val_loss: v }, elapsedMs: 10, steps: 1 }));
  const outcome = { change: { kind: 'none' }, epochs, stepsPerEpoch: 1, stopped: null, backend: 'cpu' } as unknown as Parameters<typeof fitBlocks>[0];
  const text = fitBlocks(outcome, { epochs: 2, verbose: 0, patience: null }, 0).map((b) => renderBlockText(b, 80)).join('\n');
  assert.equal(text, 'Best val_loss: 1.2543e-05 at epoch 2.');
});
