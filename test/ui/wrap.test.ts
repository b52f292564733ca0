import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrapIndented } from '../../src/ui/wrap.js';

test('lines that fit are untouched, spacing included', () => {
  assert.equal(wrapIndented('  add      Append a layer.\n\nx', 80), '  add      Append a layer.\n\nx');
});

test('a help row wraps under its description column', () => {
  const row = '  layers   A compact numbered list of the layers: position, name, call, output shape, params.';
  assert.equal(wrapIndented(row, 60), ['  layers   A compact numbered list of the layers: position,', '           name, call, output shape, params.'].join('\n'));
});

test('an indented description wraps under its own indentation', () => {
  const row = ' '.repeat(24) + 'Rank of a LoRA update to the kernel (not supported by klayers).';
  assert.equal(wrapIndented(row, 80), `${' '.repeat(24)}Rank of a LoRA update to the kernel (not supported by\n${' '.repeat(24)}klayers).`);
});

test('prose without a column wraps at the margin', () => {
  assert.equal(wrapIndented('Layers: Input, Dense, Activation, Dropout', 20), 'Layers: Input,\nDense, Activation,\nDropout');
});
