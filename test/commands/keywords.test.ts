import assert from 'node:assert/strict';
import { test } from 'node:test';
import { error } from '../../src/render/blocks.js';
import { freshContext, run, runAll } from '../helpers/run.js';

test('an unknown command far from every name gets no did-you-mean', async () => {
  const ctx = freshContext();
  const r = await run(ctx, 'foo');
  assert.equal(r.ok, false);
  assert.deepEqual(r.exec.blocks, [error("Unknown command 'foo'.", 'Type help for the list.')]);
});

test('a near miss of a command name suggests it', async () => {
  const r = await run(freshContext(), 'fitt');
  assert.deepEqual(r.exec.blocks, [error("Unknown command 'fitt'.", "Did you mean 'fit'? Type help for the list.")]);
  const call = await run(freshContext(), 'foo()');
  assert.deepEqual(call.exec.blocks, [error("Unknown layer or command 'foo'.", 'Type help for the list.')]);
  const topic = await run(freshContext(), 'help foo');
  assert.deepEqual(topic.exec.blocks, [error("No command or layer named 'foo'.", 'Type help for the list.')]);
});

test('every command refuses an unknown keyword in one wording, with did-you-mean from its table', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['input (4,)', 'Dense(2)']);
  const before = ctx.session.model.state;
  const typo = await run(ctx, 'summary show_trainabel=True');
  assert.deepEqual(typo.exec.blocks, [error("summary takes no show_trainabel=. Did you mean 'show_trainable'?", 'It takes: style= show_trainable= flops= memory= batch_size= line_length=.')]);
  const none = await run(ctx, 'remove 1 force=True');
  assert.deepEqual(none.exec.blocks, [error('remove takes no force=.', 'Usage: remove N|NAME')]);
  const fit = await run(ctx, 'fit epoch=3');
  assert.match(fit.text, /^Error: fit takes no epoch=\. Did you mean 'epochs'\?/);
  const method = await run(ctx, 'model.summary(stlye="keras2")');
  assert.match(method.text, /^Error: summary takes no stlye=\. Did you mean 'style'\?/);
  assert.equal(ctx.session.model.state, before, 'the model is unchanged');
});

test('open keywords: set takes its layer\'s arguments, param any name', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['input (4,)', 'Dense(2)']);
  assert.equal((await run(ctx, 'set 1 units=3')).ok, true);
  assert.match((await run(ctx, 'set 1 unit=3')).text, /Unknown argument 'unit' for Dense\. Did you mean 'units'\?/);
});
