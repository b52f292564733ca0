/**
 * A fit that fails inside tfjs (after the model was built from the seeded generator and the
 * compile inferred) is a refused line: the training state is as before it, and the lines that
 * were accepted give the same numbers as a session in which the failing line never ran.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run, runAll } from '../helpers/run.js';
import type { CommandContext } from '../../src/commands/types.js';

const BEFORE = ['seed 7', 'load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", 'fit epochs=1 shuffle=True verbose=0', 'set 1 units=6'];
const AFTER = ['fit epochs=2 shuffle=True verbose=2', 'predict 5.1,3.5,1.4,0.2', 'history'];

/** The next tensor tfjs creates fails inside tfjs (its backend's write), once, when a fit has started. */
async function failInsideNextFit(ctx: CommandContext): Promise<() => void> {
  const tf = await import('../../src/engine/backend/tf.js');
  return ctx.session.engine.onFit((event) => {
    if (event.kind !== 'started') return;
    const backend = tf.backend() as unknown as { write: (...args: unknown[]) => unknown };
    const write = backend.write;
    backend.write = () => {
      backend.write = write;
      throw new Error('injected failure inside tfjs');
    };
  });
}

const trainingState = (ctx: CommandContext) => {
  const t = ctx.session.training;
  return JSON.stringify({ snapshot: t.snapshot(), history: t.history, compile: t.compile });
};

const masked = (lines: string[]) => lines.map((l) => l.replace(/\d+(\.\d+)?[mu]?s\b/g, 'T'));

test('a fit that fails inside tfjs leaves compile, generator and history as they were; a replay gives the same numbers', async () => {
  const ctx = freshContext();
  await runAll(ctx, BEFORE);
  const before = trainingState(ctx);
  const stop = await failInsideNextFit(ctx);
  const failed = await run(ctx, 'fit epochs=3 shuffle=True verbose=0');
  stop();
  assert.equal(failed.ok, false, failed.text);
  assert.match(failed.text, /injected failure inside tfjs/);
  assert.equal(trainingState(ctx), before);
  const withFailure = await runAll(ctx, AFTER);

  const clean = freshContext();
  await runAll(clean, BEFORE);
  const without = await runAll(clean, AFTER);
  assert.deepEqual(masked(withFailure), masked(without));
});
