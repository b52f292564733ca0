/**
 * Colours as a terminal shows them. Ink's chalk decides its colour level when first imported,
 * so FORCE_COLOR is set before anything loads Ink (this file runs in its own process).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env['FORCE_COLOR'] = '1';
const { render } = await import('ink-testing-library');
const { error, message, text, warning } = await import('../../src/render/blocks.js');
const { ColorContext } = await import('../../src/ui/colors.js');
const { BlockView } = await import('../../src/ui/components/BlockView.js');
const { Cell } = await import('../../src/ui/components/Cell.js');
type Element = Parameters<typeof render>[0];

function frame(el: Element, colors: boolean): string {
  const r = render(<ColorContext.Provider value={colors}>{el}</ColorContext.Provider>);
  const f = r.lastFrame() ?? '';
  r.unmount();
  return f;
}

test('errors are red and warnings yellow', () => {
  assert.match(frame(<BlockView block={error('bad')} columns={80} />, true), /\x1b\[31mError: bad/);
  assert.match(frame(<BlockView block={warning('hm')} columns={80} />, true), /\x1b\[33mWarning: hm/);
});

test('shapes and parameter counts have their own colours', () => {
  const added = frame(<BlockView block={message('Added 1 dense (Dense) -> (None, 8), 40 params')} columns={80} />, true);
  assert.match(added, /\x1b\[36m\(None, 8\)\x1b\[39m/);
  assert.match(added, /\x1b\[32m40\x1b\[39m params/);
});

test('a failed command paints its text block (a syntax error with a caret) as an error', () => {
  const cell = { id: 1, number: 1, source: 'Dense(4))', ok: false, blocks: [text("Dense(4))\n        ^\nSyntaxError: unmatched ')'")] };
  assert.match(frame(<Cell cell={cell} columns={80} />, true), /\x1b\[31mDense\(4\)\)/);
});

test('with colours off (NO_COLOR, or not a terminal) there are no colour codes at all', () => {
  const out = frame(<Cell cell={{ id: 1, number: 1, source: 'x', ok: false, blocks: [error('bad'), warning('w'), message('(None, 8), 40 params')] }} columns={80} />, false);
  assert.doesNotMatch(out, /\x1b\[(3\d|9\d)m/);
  assert.match(out, /Error: bad/);
});

test('a table block is painted by its structure: header bold, shape and parameter columns coloured, the text unchanged', async () => {
  const { table } = await import('../../src/render/blocks.js');
  const { renderBlockText } = await import('../../src/render/block-text.js');
  const layers = table({
    style: 'plain',
    trimEnd: true,
    columns: [{ header: '#', align: 'right', kind: 'number' }, { header: 'layer' }, { header: 'output shape', kind: 'shape' }, { header: 'params', align: 'right', kind: 'params' }],
    rows: [['0', 'Input(shape=(4,))', '(None, 4)', '0'], ['1', 'Dense(8)', '(None, 8)', '40']],
  });
  const on = frame(<BlockView block={layers} columns={80} />, true);
  assert.match(on, /\x1b\[1m#\x1b\[22m/);
  assert.match(on, /\x1b\[36m\(None, 8\)\x1b\[39m/);
  assert.match(on, /\x1b\[32m40\x1b\[39m/);
  assert.match(on, /Input\(shape=\x1b\[36m\(4,\)\x1b\[39m\)/);
  assert.equal(frame(<BlockView block={layers} columns={80} />, false), renderBlockText(layers, 80));
  // Wider than the terminal: it wraps as text, as before.
  assert.equal(frame(<BlockView block={layers} columns={30} />, false).replace(/[ ]+$/gm, ''), frame(<BlockView block={{ kind: 'text', text: renderBlockText(layers, 30) }} columns={30} />, false).replace(/[ ]+$/gm, ''));
});
