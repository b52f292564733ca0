import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run, runAll } from '../helpers/run.js';
import { restoreCompile, restoreSessionState, sessionMetadata } from '../../src/export/model-metadata.js';
import { UserError } from '../../src/core/user-error.js';

/** `depth` nested JSON lists around 1, built as text: JSON.stringify itself overflows on such input. */
const nestedJson = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

interface SavedPlan {
  version: unknown;
  model: { input: { args: Record<string, unknown> }; layers: { given: Record<string, unknown> }[] };
  compile: { optimizer: { config: Record<string, unknown> }; metrics: unknown };
}

/** Saved metadata of Input(4) + Dense(2) + compile, as model.json text with `"@@"` replaced by `raw`. */
async function metadataWith(edit: (klayers: SavedPlan) => void, raw: string): Promise<Record<string, unknown>> {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', 'Dense(2)']);
  const meta = sessionMetadata(ctx.session.model.state, { optimizer: { className: 'Adam', config: {} }, loss: 'mse', metrics: ['mae'] } as never);
  edit((meta as { klayers: SavedPlan }).klayers);
  return JSON.parse(JSON.stringify(meta).replace('"@@"', raw)) as Record<string, unknown>;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof UserError, `a UserError, not ${String(err)}`);
    assert.ok(!err.message.includes('\n'), 'one line');
    return err.message;
  }
  return assert.fail('expected a refusal');
}

test('a shape with more dimensions than TensorFlow allows is refused by name, and 500,000 of them do not overflow the stack', async () => {
  const ctx = freshContext();
  const dims = (n: number) => Array(n).fill('1').join(', ');
  const huge = await run(ctx, `Input(shape=(${dims(500_000)}))`);
  assert.equal(huge.ok, false);
  assert.match(huge.text, /Input: `shape` has 500000 dimensions; at most 254 are supported/);
  assert.doesNotMatch(huge.text, /Internal error/);
  assert.match((await run(ctx, `Input(batch_shape=(${dims(255)}))`)).text, /`batch_shape` has 255 dimensions/);
  assert.match((await run(ctx, `Input(shape=(4,))`)).text, /Input \(None, 4\)/);
  assert.match((await run(ctx, `add Reshape((${dims(300)}))`)).text, /Reshape: `target_shape` has 300 dimensions/);
  await runAll(ctx, [`Input(shape=(${dims(254)}))`, 'Flatten()', 'Dense(1)']);
  assert.deepEqual(ctx.session.model.analysis().layers.at(-1)!.outputShape, [null, 1]);
});

test('a model.json value nested 5,000 deep is refused with the argument it is in, not a stack overflow', async () => {
  const deep = nestedJson(5000);
  const layer = await metadataWith((k) => { k.model.layers[0]!.given.units = '@@'; }, deep);
  assert.match(refusal(() => restoreSessionState(layer)), /^model\.json: dense\.units nests deeper than 100 levels\.$/);
  const input = await metadataWith((k) => { k.model.input.args.shape = '@@'; }, deep);
  assert.match(refusal(() => restoreSessionState(input)), /^model\.json: input\.shape nests deeper than 100 levels\.$/);
  const optimizer = await metadataWith((k) => { k.compile.optimizer.config.beta_1 = '@@'; }, deep);
  assert.match(refusal(() => restoreCompile(optimizer)), /compile\.optimizer\.beta_1 nests deeper than 100 levels/);
  const metrics = await metadataWith((k) => { k.compile.metrics = '@@'; }, `[${deep}]`);
  assert.match(refusal(() => restoreCompile(metrics)), /the saved compile is malformed/);
  const version = await metadataWith((k) => { k.version = '@@'; }, deep);
  assert.match(refusal(() => restoreSessionState(version)), /klayers plan version a list is not supported/);
});

test('values as deep as a typed line may nest still load from model.json', async () => {
  // 99 levels inside the layer call's own bracket: the most a typed Dense(...) line can hold.
  const meta = await metadataWith((k) => { k.model.layers[0]!.given.units = '@@'; }, nestedJson(99));
  assert.match(refusal(() => restoreSessionState(meta)), /^Dense: `units` must be an integer/);
});
