/**
 * Cases where tfjs used to answer with its own internals: each is now one line naming the value
 * and the fix, and the session stays as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshContext, run, runAll } from '../helpers/run.js';

test("a layer name tfjs cannot give its weights (Keras's _hidden) is refused when added, with a name that works", async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))']);
  const r = await run(ctx, "Dense(3, name='_hidden')");
  assert.equal(r.ok, false);
  assert.equal(r.text, "Error: Dense '_hidden': tfjs names its weights after the layer and needs a name that starts with a letter or digit (Keras would accept this one). Give it another name, e.g. name='hidden'.");
  assert.equal(ctx.session.model.state.layers.length, 0, 'the model is unchanged');
  assert.ok((await run(ctx, "Dense(3, name='hidden')")).ok);
});

test('fit with nothing trainable says so in one line instead of a tfjs gradient error', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['load builtin:iris', "Dense(3, activation='softmax', trainable=False)"]);
  const r = await run(ctx, 'fit epochs=1');
  assert.equal(r.ok, false);
  assert.match(r.text, /^Error: The model has no trainable weights, so fit would change nothing \(Keras trains nothing and warns 'The model does not have any trainable weights\.'\)\. Make a layer trainable \(set N trainable=True\), or score the model as it is with evaluate\.$/);
  assert.equal(ctx.session.training.compile, null, 'no compile left behind');
  assert.ok((await run(ctx, 'set 1 trainable=True')).ok);
  assert.ok((await run(ctx, 'fit epochs=1 verbose=0')).ok, 'trainable again, it fits');
});

test('null entries in a model.json are named, not passed to tfjs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-null-'));
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', 'Dense(3)', `save model ${dir}/good`]);
  const original = JSON.parse(readFileSync(join(dir, 'good', 'model.json'), 'utf8'));
  // The saved file's shape, loosely: the edits below reach into it by the keys save model writes.
  type Json = { weightsManifest: { weights: unknown[]; paths: unknown[] }[] | null[]; userDefinedMetadata: { klayers: { model: { layers: unknown[] } } } };
  const cases: [string, (j: Json) => void, RegExp][] = [
    ['group', (j) => (j.weightsManifest = [null]), /model\.json: weightsManifest group 1 is null\. Save the model again/],
    ['weight', (j) => (j.weightsManifest[0] as { weights: unknown[] }).weights.push(null), /model\.json: weightsManifest group 1, weight 3 is not a weight entry/],
    ['path', (j) => ((j.weightsManifest[0] as { paths: unknown[] }).paths = [null]), /model\.json: weightsManifest group 1 has a path that is not a file name/],
    ['layer', (j) => j.userDefinedMetadata.klayers.model.layers.push(null), /model\.json: layer 2 is null\./],
  ];
  for (const [name, edit, expected] of cases) {
    const j = structuredClone(original) as Json;
    edit(j);
    const target = join(dir, name);
    await runAll(ctx, [`save model ${target}`]);
    writeFileSync(join(target, 'model.json'), JSON.stringify(j));
    const before = ctx.session.model.state;
    const r = await run(ctx, `load model ${target}`);
    assert.equal(r.ok, false, name);
    assert.match(r.text, expected, name);
    assert.doesNotMatch(r.text, /Cannot read|Internal error|argument must be/, name);
    assert.equal(r.text.split('\n').length, 1, `${name}: one line`);
    assert.equal(ctx.session.model.state, before, `${name}: the session is unchanged`);
  }
});
