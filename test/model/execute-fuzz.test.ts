import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { executeLine } from '../../src/commands/execute.js';
import { createContext } from '../../src/commands/context.js';
import { createSession } from '../../src/session/klayers-session.js';
import { stubEngine } from '../helpers/stub-engine.js';

// The engine is outside this property (it is tested on its own); weights are not needed to
// check that execute never throws and never changes the session on a refused line.

const pieces = [
  'input (28, 28, 1)', 'Input(shape=(8,))', 'input (10, 4)', 'Dense(4)', "add Dense(64, activation='relu')", 'Conv2D(8, (3, 3))',
  'Conv1D(4, 3, padding="causal")', 'MaxPooling2D()', 'AveragePooling1D(2)', 'Flatten()', 'Dropout(0.5)', 'LSTM(3, return_sequences=True)',
  'SimpleRNN(2, return_state=True)', 'Reshape((-1, 2))', 'Permute((2, 1))', 'Masking()', "Activation('tanh')", "Lambda('x * 2')",
  'insert 1 Dense(2)', 'remove 1', 'remove dense', 'replace 1 Dense(3)', 'set 1 units=5', "set 1 padding='same'", 'move 1 2',
  'rename 1 foo', 'undo', 'redo', 'clear', 'layers', 'summary', 'summary style=keras2 flops=True memory=True', 'inspect 1',
  'help', 'help Dense', 'Dense?', 'model.pop()', "model = keras.Sequential([Dense(2)], name='m')", 'import keras',
];

const mutated = fc
  .tuple(fc.constantFrom(...pieces), fc.array(fc.tuple(fc.nat(60), fc.string({ maxLength: 3 }), fc.nat(3)), { maxLength: 3 }))
  .map(([line, edits]) => edits.reduce((s, [at, insert, drop]) => s.slice(0, at % (s.length + 1)) + insert + s.slice((at % (s.length + 1)) + drop), line));

const anyLine = fc.oneof(fc.constantFrom(...pieces), mutated, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

test('execute returns a result for any sequence of lines and leaves the session unchanged when it refuses one', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(anyLine, { minLength: 1, maxLength: 12 }), async (lines) => {
      const ctx = createContext({ columns: 80, session: createSession({ engine: stubEngine() }) });
      for (const line of lines) {
        const before = ctx.session.model.state;
        const result = await executeLine(ctx, line);
        assert.ok(Array.isArray(result.blocks));
        if (!result.ok) {
          assert.equal(ctx.session.model.state, before, `refused '${line}' changed the session`);
          assert.ok(result.blocks.length > 0, `refused '${line}' said nothing`);
          assert.doesNotMatch(JSON.stringify(result.blocks), /Internal error|    at /, `'${line}' leaked an internal error`);
        }
      }
    }),
    { seed: FUZZ_SEED, numRuns: 2500 },
  );
});
