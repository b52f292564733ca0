import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBlockText } from '../../src/render/block-text.js';
import { error, message, warning } from '../../src/render/blocks.js';

test('an error is one line: the message as a sentence, then the fix', () => {
  assert.equal(renderBlockText(error('Received: units=-3', 'e.g. Dense(64)'), 80), 'Error: Received: units=-3. E.g. Dense(64)');
  assert.equal(renderBlockText(error('No layer 7.', 'See layers.'), 80), 'Error: No layer 7. See layers.');
  assert.equal(renderBlockText(error('Nothing to fix'), 80), 'Error: Nothing to fix');
});

test('messages print as they are and warnings say so', () => {
  assert.equal(renderBlockText(message('Added 1 dense'), 80), 'Added 1 dense');
  assert.equal(renderBlockText(warning('slow'), 80), 'Warning: slow');
});

test('a block that cannot be rendered says so instead of throwing', () => {
  const broken = { kind: 'summary', model: null, options: { style: 'keras3' } } as never;
  assert.match(renderBlockText(broken, 80), /^Error: could not display this output/);
});
