import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSummary } from '../../src/render/summary.js';
import type { SummaryModel } from '../../src/render/summary-types.js';
import { loadSummaryGoldens } from './summary-golden-files.js';

const goldens = new Map(loadSummaryGoldens().map((g) => [g.case, g]));
const mlp = goldens.get('mlp')!;
const kerasText = (columns: number): string => mlp.outputs[String(columns)]!.replace(/\n$/, '');

// MLP 784 -> 64 -> 64 -> 10: Dense multiply-adds per sample are in * out.
const withFlops: SummaryModel = {
  ...mlp.model,
  rows: mlp.model.rows.map((r, i) => ({ ...r, flops: [784 * 64, 64 * 64, 64 * 10][i] })),
};

test('flops=True adds a right-aligned FLOPs column and a per-sample total', () => {
  const text = renderSummary(withFlops, { style: 'keras3', columns: 120, flops: true });
  const lines = text.split('\n');
  assert.match(lines[2]!, /┃ Layer \(type\) +┃ Output Shape +┃ +Param # ┃ +FLOPs ┃$/);
  assert.match(text, /│ dense \(Dense\) +│ \(None, 64\) +│ +50,240 │ +50,176 │/);
  assert.match(text, /│ dense_2 \(Dense\) +│ \(None, 10\) +│ +650 │ +640 │/);
  assert.ok(lines.includes(' Total FLOPs: 54,912 per sample'));
  const table = lines.filter((l) => /^[┏┃┡│├└]/.test(l));
  assert.ok(table.every((l) => l.length === 100), 'Keras rule: 88 + 12 columns wide');
});

test('memory=True adds activation and parameter memory after the Keras footer', () => {
  const text = renderSummary(mlp.model, { style: 'keras3', columns: 80, memory: true });
  // 64 + 64 + 10 float32 outputs per sample = 552 bytes; 32 samples = 17,664 bytes.
  assert.equal(
    text,
    [kerasText(80), ' Activation memory: 552.00 B per sample, 17.25 KB per batch of 32', ' Parameter memory: 215.04 KB'].join(
      '\n',
    ),
  );
  const big = renderSummary(mlp.model, { style: 'keras3', columns: 80, memory: true, batchSize: 128 });
  assert.ok(big.includes(' Activation memory: 552.00 B per sample, 69.00 KB per batch of 128'));
});

test('memory=True on an unbuilt model says the activations are unknown', () => {
  const unbuilt = goldens.get('unbuilt')!;
  const text = renderSummary(unbuilt.model, { style: 'keras3', columns: 80, memory: true, flops: true });
  assert.ok(text.includes(' Activation memory: ? (unbuilt)'));
  assert.ok(text.includes(' Total FLOPs: ? (unbuilt)'));
});

test('without extensions the text is exactly Keras (flops data on rows is ignored)', () => {
  assert.equal(renderSummary(withFlops, { style: 'keras3', columns: 80 }), kerasText(80));
});

test('show_trainable marks frozen layers N, trainable Y and weightless -', () => {
  const frozen = goldens.get('frozen')!;
  const text = renderSummary(frozen.model, { style: 'keras3', columns: 120, showTrainable: true });
  assert.match(text, /│ dense \(Dense\) .*│ +N +│$/m);
  assert.match(text, /│ dropout \(Dropout\) .*│ +- +│$/m);
  assert.match(text, /│ dense_1 \(Dense\) .*│ +Y +│$/m);
  assert.equal(text, goldens.get('frozen_show_trainable')!.outputs['200']!.replace(/\n$/, ''));
});

test('where Keras raises "Insufficient console width", the table widens to the narrowest valid width', () => {
  const golden = goldens.get('frozen_show_trainable')!;
  assert.equal(golden.outputs['30'], null, 'Keras refuses 30 columns with show_trainable');
  const lines = renderSummary(golden.model, { style: 'keras3', columns: 30, showTrainable: true }).split('\n');
  const table = lines.filter((l) => /^[┏┃┡│├└]/.test(l));
  assert.ok(table.length > 0);
  // Keras's widths int(p * L) - previous, p = [.405, .72, .9, 1.], are all >= 4 from L = 31 on
  // (Keras itself raises up to COLUMNS=34, i.e. L = 30).
  assert.ok(table.every((l) => l.length === 31), `table widths: ${[...new Set(table.map((l) => l.length))]}`);
});
