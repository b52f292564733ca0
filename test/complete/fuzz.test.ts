import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { commonExtension, complete, signatureHint } from '../../src/complete/index.js';
import { TWO_DENSE } from './helpers.js';

/** Lines made of the pieces completion reacts to, so the fuzz reaches deep states. */
const piece = fc.constantFrom(
  'Dense', 'Conv2D', 'LSTM', 'RandomNormal', 'model.add', 'keras.layers.', 'Sequential', 'set', 'remove', 'summary',
  'replay', 'load', 'insert', 'help', '?', '(', ')', '[', ']', '{', '}', ',', ' ', '=', "'", '"', '\\', '#', '64',
  'activation', 'padding', 'units', 'name', 're', '~/', '../', '/', '.', 'True', '\n', '\t', 'é', '…',
);
const line = fc.oneof(fc.array(piece, { maxLength: 24 }).map((p) => p.join('')), fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }));
const ctx = fc.record({
  layerNames: fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }),
  layerCount: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(Number.NaN)),
  cwd: fc.constantFrom(process.cwd(), '/nonexistent/dir', ''),
  layerClasses: fc.option(fc.array(fc.constantFrom('Dense', 'Conv2D', 'InputLayer', 'Nope', ''), { maxLength: 5 }), { nil: undefined }),
});

test('completion never throws and its range lies within the line, ending at the cursor', () => {
  fc.assert(
    fc.property(line, fc.integer({ min: -5, max: 80 }), ctx, (text, rawCursor, context) => {
      const cursor = Math.max(0, Math.min(rawCursor, text.length));
      const result = complete(text, cursor, context);
      assert.ok(0 <= result.from && result.from <= cursor && cursor <= result.to && result.to <= text.length, JSON.stringify({ text, cursor, result }));
      assert.equal(typeof commonExtension(text, result), 'string');
      for (const c of result.candidates) assert.equal(typeof c.text, 'string');
    }),
    { seed: FUZZ_SEED, numRuns: 3000 },
  );
});

test('the signature hint never throws, fits its width and highlights inside its text', () => {
  fc.assert(
    fc.property(line, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 12, max: 200 }), (text, rawCursor, width) => {
      const cursor = Math.min(rawCursor, text.length);
      const hint = signatureHint(text, cursor, width);
      if (hint === null) return;
      assert.ok(hint.text.length <= width, hint.text);
      if (hint.highlight) assert.ok(0 <= hint.highlight[0] && hint.highlight[0] < hint.highlight[1] && hint.highlight[1] <= hint.text.length);
    }),
    { seed: FUZZ_SEED, numRuns: 3000 },
  );
});

test('out-of-range cursors are clamped instead of throwing', () => {
  assert.deepEqual(complete('Den', 99, TWO_DENSE).candidates.map((c) => c.text), ['Dense']);
  assert.deepEqual(complete('Den', -4, TWO_DENSE).from, 0);
  assert.equal(signatureHint('Dense(', Number.NaN)?.text.startsWith('Dense('), true);
});
