import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSummary } from '../../src/render/summary.js';
import { describeDiff, loadSummaryGoldens } from './summary-golden-files.js';

// Every golden is real Keras 3 output (scripts/keras-golden/summaries.py); Keras ends its output
// with a newline, renderSummary does not.
for (const golden of loadSummaryGoldens()) {
  for (const [columns, text] of Object.entries(golden.outputs)) {
    if (text === null) continue; // Keras raised at this width; covered in summary-options.test.ts
    test(`keras3 summary matches Keras: ${golden.case} at COLUMNS=${columns}`, () => {
      const actual = renderSummary(golden.model, {
        style: 'keras3',
        columns: Number(columns),
        showTrainable: golden.summaryKwargs.show_trainable ?? false,
      });
      assert.ok(actual + '\n' === text, `${golden.description}\n${describeDiff(text, actual + '\n')}`);
    });
  }
}
