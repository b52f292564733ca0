import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TOLERANCE, linesMatch, outputsMatch } from '../../src/session-file/compare.js';
import { maskVolatile } from '../../src/session-file/mask.js';

test('timings, ETA, rates and dates are masked', () => {
  assert.equal(maskVolatile('4/4 - 0s - 26ms/step - loss: 1.7702'), '4/4 - <time> - <time>/step - loss: 1.7702');
  assert.equal(maskVolatile('1/1 ━━━━ 1s 120us/step - loss: 0.5'), '1/1 ━━━━ <time> <time>/step - loss: 0.5');
  assert.equal(maskVolatile('12/40 ━━━ ETA: 3s - 1,234 samples/s   '), '12/40 ━━━ ETA <time> - <rate> samples/s');
  assert.equal(maskVolatile('saved 2025-05-01T10:22:03.120Z at 10:22:03'), 'saved <date> at <clock>');
  // Words that merely contain digits are not timings.
  assert.equal(maskVolatile('Conv2D(32, (3, 3)) dense_1 1e-07'), 'Conv2D(32, (3, 3)) dense_1 1e-07');
});

test('a Keras epoch line matches with other timings, and losses a few last-place units off', () => {
  const recorded = '4/4 - 0s - 26ms/step - accuracy: 0.2500 - loss: 1.7702 - val_loss: 1.6547';
  assert.equal(linesMatch(recorded, '4/4 - 1s - 7ms/step - accuracy: 0.2500 - loss: 1.7705 - val_loss: 1.6543'), true);
});

test('real changes still fail: a loss 0.2% off, a parameter count off by one, a word', () => {
  assert.equal(linesMatch('loss: 1.7702', 'loss: 1.7740'), false);
  assert.equal(linesMatch('Added 1 dense (Dense) -> (None, 8), 40 params', 'Added 1 dense (Dense) -> (None, 8), 41 params'), false);
  assert.equal(linesMatch('Total params: 1,234 (4.82 KB)', 'Total params: 1,235 (4.82 KB)'), false);
  assert.equal(linesMatch('loss: 1.7702', 'mae: 1.7702'), false);
  assert.equal(linesMatch('loss: 1.7702', 'loss: 1.7702 extra'), false);
});

test('the tolerance is atol + rtol * |recorded|', () => {
  // 1e-3 relative on 1234.5678 is 1.23: 1235.5 is inside, 1236 is not.
  assert.equal(linesMatch('mse: 1234.5678', 'mse: 1235.5000'), true);
  assert.equal(linesMatch('mse: 1234.5678', 'mse: 1236.0000'), false);
  assert.equal(linesMatch('loss: 0.0000', 'loss: 0.0005'), true);
  assert.equal(linesMatch('loss: 0.0000', 'loss: 0.0006'), false);
  assert.equal(linesMatch('loss: 0.5000', 'loss: 0.5100', { rtol: 0.05, atol: 0 }), true);
  assert.deepEqual(DEFAULT_TOLERANCE, { rtol: 1e-3, atol: 5e-4 });
});

test('outputs match line for line, and a missing line is a difference', () => {
  assert.equal(outputsMatch(['a 1', 'b 2'], ['a 1', 'b 2']), true);
  assert.equal(outputsMatch(['a 1', 'b 2'], ['a 1']), false);
  assert.equal(outputsMatch(['x  '], ['x']), true);
});
