import { test } from 'node:test';
import assert from 'node:assert/strict';
import { error, message, warning } from '../../src/render/blocks.js';
import { layoutPrompt } from '../../src/ui/prompt-layout.js';
import { BlockView } from '../../src/ui/components/BlockView.js';
import { Cell } from '../../src/ui/components/Cell.js';
import { Prompt } from '../../src/ui/components/Prompt.js';
import { SignatureHint } from '../../src/ui/components/SignatureHint.js';
import { StatusLine } from '../../src/ui/components/StatusLine.js';
import { frameOf } from './render-helpers.js';

test('a cell shows its number, the command as typed over its lines, then its output', () => {
  const cell = { id: 1, number: 3, source: 'Dense(\n4)', ok: true, blocks: [message('Added 1 dense (Dense) -> (None, 4), 20 params')] };
  assert.equal(frameOf(<Cell cell={cell} columns={80} />), ['[3] klayers> Dense(', '       ...> 4)', 'Added 1 dense (Dense) -> (None, 4), 20 params'].join('\n'));
});

test('an error reads as replay prints it, hint included', () => {
  const block = error("Unknown command 'foo'.", "Did you mean 'add'? Type help for the list.");
  assert.equal(frameOf(<BlockView block={block} columns={80} />), "Error: Unknown command 'foo'. Did you mean 'add'? Type help for the list.");
  assert.equal(frameOf(<BlockView block={warning('careful')} columns={80} />), 'Warning: careful');
});

test('the prompt, and the continuation prompt while a call is open', () => {
  const prompt = (pending: string[], text: string) => frameOf(<Prompt rows={layoutPrompt(pending, null, text, 0, 80).rows} />);
  assert.equal(prompt([], 'Dense(4)'), 'klayers> Dense(4)');
  assert.equal(prompt(['Dense(', '4,'], "activation='relu')"), ['klayers> Dense(', '   ...> 4,', "   ...> activation='relu')"].join('\n'));
});

test('a long line wraps by character and the cursor position follows it', () => {
  const text = 'Dense(' + '1'.repeat(80) + ')';
  const layout = layoutPrompt([], null, text, text.length, 40);
  assert.deepEqual(layout.rows.map((r) => r.label + r.text), ['klayers> Dense(' + '1'.repeat(25), '1'.repeat(40), '1'.repeat(15) + ')']);
  assert.deepEqual(layout.cursor, { x: 16, y: 2 });
  assert.deepEqual(layoutPrompt(['Dense('], null, '4)', 1, 40).cursor, { x: 9, y: 1 }, 'after the continuation label');
  const full = layoutPrompt([], null, 'x'.repeat(31), 31, 40);
  assert.equal(full.rows.length, 2, 'a row filled exactly gets an empty row for the cursor');
  assert.deepEqual(full.cursor, { x: 0, y: 1 });
});

test("reverse search shows bash's prompt and the match", () => {
  assert.equal(frameOf(<Prompt rows={layoutPrompt([], "(reverse-i-search)'Den': ", 'Dense(8)', 8, 80).rows} />), "(reverse-i-search)'Den': Dense(8)");
});

test('the signature hint is one line, cut to the width', () => {
  const hint = { text: "Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros')", highlight: [12, 27] as const };
  const frame = frameOf(<SignatureHint hint={hint} />);
  assert.equal(frame.split('\n').length, 1);
  assert.ok(frame.startsWith('Dense(units, activation=None, use_bias=True'), frame);
  assert.ok(frame.length <= 100);
  assert.equal(frameOf(<SignatureHint hint={null} />), '');
});

test('the status line', () => {
  assert.equal(frameOf(<StatusLine modelName="sequential" layerCount={2} totalParams={67} backend="cpu" dataset={null} />), 'sequential · 2 layers · 67 params · backend cpu');
});
