/**
 * An unbuilt model typed into klayers (no Input) summarizes as Keras 3 does: `0 (unbuilt)` for the
 * layers that wait for an input shape, `0` for those Keras builds at creation (Dropout, Masking,
 * Activation, Reshape, pooling). The text is real Keras output (summaries.py, case unbuilt_kinds).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';
import { renderBlockText } from '../../src/render/block-text.js';
import { describeDiff, loadSummaryGoldens } from './summary-golden-files.js';

// The layers of the golden, as a klayers user types them (Lambda takes an expression string).
const LINES = [
  'Dense(3)', 'Dropout(0.5)', 'Masking()', "Activation('relu')", 'Reshape((3, 1))', 'MaxPooling1D(1)',
  'AveragePooling1D(1)', 'Flatten()', 'Permute((1,))', "Lambda('x')", 'Conv1D(2, 1)', 'LSTM(2)',
  'SimpleRNN(2)', 'MaxPooling2D()', 'AveragePooling2D(2)', 'Conv2D(2, 2)',
];

const golden = loadSummaryGoldens().find((g) => g.case === 'unbuilt_kinds')!;

for (const [columns, text] of Object.entries(golden.outputs)) {
  if (text === null) continue;
  test(`summary of an unbuilt model of every layer kind equals Keras's at COLUMNS=${columns}`, async () => {
    const ctx = createContext({ columns: Number(columns), backend: 'cpu' });
    for (const line of LINES) assert.ok((await executeLine(ctx, line)).ok, line);
    const result = await executeLine(ctx, 'summary');
    const actual = result.blocks.map((b) => renderBlockText(b, Number(columns))).join('\n');
    assert.ok(actual + '\n' === text, describeDiff(text, actual + '\n'));
  });
}
