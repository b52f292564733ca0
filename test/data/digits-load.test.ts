import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, runAll } from '../helpers/run.js';

test('builtin:digits loads its 0-16 pixels as numbers, so reshape=(8, 8, 1) gives Conv2D images', async () => {
  const ctx = freshContext();
  const [out] = await runAll(ctx, ['load builtin:digits n=100 reshape=(8, 8, 1)']);
  assert.match(out!, /^p0\s+number\s+feature/m);
  assert.match(out!, /Input\(shape=\(8, 8, 1\)\)/);
  assert.deepEqual(ctx.session.model.plan().inputShape, [null, 8, 8, 1]);
});
