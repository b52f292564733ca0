import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowPaddingBefore } from '../../src/layers/conv-shapes.js';

// TensorFlow's 'same' padding (tf.nn docs): out = ceil(L / s), total = max((out - 1)·s + k - L, 0),
// and the smaller half, floor(total / 2), goes before. The host kernels pad by hand with it.
test("the padding before an axis is TensorFlow's: none for valid, the smaller half of 'same''s total", () => {
  assert.equal(windowPaddingBefore(8, 3, 1, 'valid'), 0);
  assert.equal(windowPaddingBefore(8, 3, 1, 'same'), 1); // total 2
  assert.equal(windowPaddingBefore(8, 3, 2, 'same'), 0); // out 4, total 1
  assert.equal(windowPaddingBefore(7, 4, 1, 'same'), 1); // total 3
  assert.equal(windowPaddingBefore(6, 3, 3, 'same'), 0); // out 2, total 0
  assert.equal(windowPaddingBefore(5, 5, 1, 'same'), 2); // total 4
});
