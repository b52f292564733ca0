import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run, runAll } from '../helpers/run.js';
import { restoreSessionState, sessionMetadata } from '../../src/export/model-metadata.js';
import { autoName, MAX_NAME_COUNTER } from '../../src/model/naming.js';
import { UserError } from '../../src/core/user-error.js';

/** The klayers metadata of a two-Dense model, with its nameCounters replaced by `counters`. */
async function metadataWithCounters(counters: unknown): Promise<Record<string, unknown>> {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', 'Dense(3)', 'Dense(2)']);
  const meta = sessionMetadata(ctx.session.model.state) as { klayers: { model: { nameCounters: unknown } } };
  meta.klayers.model.nameCounters = counters;
  return meta;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof UserError, `a UserError, not ${String(err)}`);
    return err.message;
  }
  return assert.fail('expected a refusal');
}

test('a model.json whose nameCounters cannot be a count is refused with one line naming it', async () => {
  const cases: [unknown, RegExp][] = [
    [{ dense: 9007199254740992 }, /^model\.json: nameCounters\.dense is 9007199254740992, not a whole number from 0 to 1000000000\.$/],
    [{ dense: MAX_NAME_COUNTER + 1 }, /nameCounters\.dense is 1000000001/],
    [{ dense: -1 }, /nameCounters\.dense is -1/],
    [{ dense: 1.5 }, /nameCounters\.dense is 1\.5/],
    [{ dense: '3' }, /nameCounters\.dense is "3"/],
    [{ 'no spaces': 1 }, /^model\.json: a nameCounters key 'no spaces' is not a valid name\.$/],
    [[1, 2], /nameCounters is not an object/],
  ];
  for (const [counters, expected] of cases) {
    const meta = await metadataWithCounters(counters);
    const m = refusal(() => restoreSessionState(meta));
    assert.match(m, expected);
    assert.ok(!m.includes('\n'), 'one line');
  }
});

test('valid saved counters still restore, and naming continues from them as Keras does', async () => {
  const state = restoreSessionState(await metadataWithCounters({ dense: 7, input_layer: 1 }));
  assert.deepEqual(state.nameCounters, { dense: 7, input_layer: 1 });
  assert.equal(autoName(state, 'dense').name, 'dense_7');
});

test('naming never loops: a huge counter is refused at once, and the search is bounded by the layer count', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', 'Dense(3)', 'Dense(2)']);
  const state = ctx.session.model.state;
  // 2**53: count + 1 === count, which made the old search spin forever once the name was taken.
  const huge = { ...state, nameCounters: { dense: 2 ** 53 } };
  assert.match(refusal(() => autoName(huge, 'dense')), /name counter for 'dense' is out of range \(9007199254740992\)/);
  // Every candidate from the counter on is taken: the search walks past them, once each.
  const crowded = { ...state, nameCounters: { dense: 0 } };
  assert.equal(autoName(crowded, 'dense').name, 'dense_2');
  assert.deepEqual(autoName(crowded, 'dense').counters, { dense: 3 });
});

test('in a session, a second add after a crafted counter is refused instead of hanging, and name= still works', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', 'Dense(3)']);
  ctx.session.model.edit((s) => ({ ...s, nameCounters: { dense: 2 ** 53 } }));
  const first = await run(ctx, 'add Dense(2)');
  assert.equal(first.ok, false);
  assert.match(first.text, /out of range/);
  await runAll(ctx, ["add Dense(2, name='out')"]);
  assert.deepEqual(ctx.session.model.state.layers.map((l) => l.name), ['dense', 'out']);
});
