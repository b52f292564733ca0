/**
 * One session, one history: undo takes back a load as it takes back an edit, and a refused
 * line leaves every part of the session as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandContext } from '../../src/commands/types.js';
import { freshContext, run, runAll } from '../helpers/run.js';

/** The loaded data set's name, or null (read anew each time: undo changes it). */
const dataName = (ctx: CommandContext): string | null => ctx.session.data?.dataset.name ?? null;

test('undo after load takes the load back: the data and the Input it set go together', async () => {
  const ctx = freshContext();
  await runAll(ctx, ["Dense(3, activation='softmax')"]);
  assert.equal(ctx.session.model.state.layers.length, 1);
  const loaded = await run(ctx, 'load builtin:iris');
  assert.ok(loaded.ok, loaded.text);
  assert.match(loaded.text, /Model input set from the data: Input\(shape=\(4,\)\)\./);
  assert.equal(dataName(ctx), 'builtin:iris');

  const undone = await run(ctx, 'undo');
  assert.equal(undone.text, 'Undone: no data loaded; 1 layers.');
  assert.equal(dataName(ctx), null, 'the data set is gone');
  assert.equal((await run(ctx, 'data')).ok, false, 'data has nothing to show');
  assert.match((await run(ctx, 'summary')).text, /dense \(Dense\)\s+│ \?/, 'the model has no Input again');

  const redone = await run(ctx, 'redo');
  assert.equal(redone.text, 'Redone: data is builtin:iris again; 1 layers.');
  assert.equal(dataName(ctx), 'builtin:iris');
  assert.match((await run(ctx, 'summary')).text, /dense \(Dense\)\s+│ \(None, 3\)/);

  // A model edit after the load is undone first, then the load.
  await runAll(ctx, ['insert 1 Dense(8)', 'undo']);
  assert.equal(dataName(ctx), 'builtin:iris', 'undoing the edit keeps the data');
  await runAll(ctx, ['undo']);
  assert.equal(dataName(ctx), null);
});

test('a second load is undone back to the first data set', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['load builtin:iris', 'load builtin:circle n=100']);
  assert.equal(dataName(ctx), 'builtin:circle');
  assert.equal((await run(ctx, 'undo')).text, 'Undone: data is builtin:iris again; 0 layers.');
  assert.equal(dataName(ctx), 'builtin:iris');
});

test('a refused fit leaves no inferred compile behind and draws nothing from the seeded generator', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['seed 5', 'load builtin:iris', 'Dense(7)']);
  const before = ctx.session.training.snapshot();
  // A Dense(7) cannot produce iris's 3 classes: the fit is refused after compile was inferred.
  const refused = await run(ctx, 'fit epochs=1');
  assert.equal(refused.ok, false, refused.text);
  assert.equal(ctx.session.training.compile, null, 'no compile left behind');
  assert.deepEqual(ctx.session.training.snapshot(), before, 'seed, generator position and history as they were');
});
