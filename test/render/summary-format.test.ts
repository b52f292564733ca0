import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatParamCount } from '../../src/render/summary.js';
import { formatSummaryShape } from '../../src/core/shape.js';

// Expected values are what Keras 3's summary_utils.readable_memory_size and f"{n:,}" print
// (checked in the Keras venv), plus sizes seen in real tf.keras 2.15 summaries.

test('formatParamCount groups thousands like Python f"{n:,}"', () => {
  assert.equal(formatParamCount(0), '0');
  assert.equal(formatParamCount(999), '999');
  assert.equal(formatParamCount(1000), '1,000');
  assert.equal(formatParamCount(55050), '55,050');
  assert.equal(formatParamCount(20_979_712), '20,979,712');
});

test('formatBytes uses 1024-based units with two decimals', () => {
  assert.equal(formatBytes(0), '0.00 B');
  assert.equal(formatBytes(1023), '1023.00 B');
  assert.equal(formatBytes(1024), '1.00 KB');
  assert.equal(formatBytes(55050 * 4), '215.04 KB');
  assert.equal(formatBytes(444543 * 4), '1.70 MB');
  assert.equal(formatBytes(66065537 * 4), '252.02 MB');
  assert.equal(formatBytes(3 * 1024 ** 5), '3.00 PB');
});

test('formatBytes picks the unit before rounding, as Keras does', () => {
  assert.equal(formatBytes(1024 * 1024 - 4), '1024.00 KB');
});

test('formatBytes rounds exact halves to even like Python, not up like toFixed', () => {
  assert.equal(formatBytes(1152), '1.12 KB'); // 1.125 KB
  assert.equal(formatBytes(1164), '1.14 KB');
});

test('formatSummaryShape prints shapes as Keras 3 does', () => {
  assert.equal(formatSummaryShape([null, 26, 26, 32]), '(None, 26, 26, 32)');
  assert.equal(formatSummaryShape([null, 4]), '(None, 4)');
  assert.equal(formatSummaryShape([null, null, 10]), '(None, None, 10)');
  assert.equal(
    formatSummaryShape([
      [null, 16],
      [null, 16],
      [null, 16],
    ]),
    '[(None, 16), (None, 16), (None, 16)]',
  );
});
