import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/engine/backend/tf.js';
import { freshContext, run, runAll } from '../helpers/run.js';
import type { CommandContext } from '../../src/commands/types.js';
import { predictArrays, type ArrayData } from '../../src/engine/io/weights.js';
import { directoryLoadHandler } from '../../src/engine/io/file-handler.js';
import { registerKlayersClasses } from '../../src/engine/io/custom-classes.js';

const dir = () => join(mkdtempSync(join(tmpdir(), 'klayers-model-')), 'model');

/** A model with every custom piece: causal and dilated convs, a Lambda, a klayers-only activation. */
const CUSTOM = [
  'Input(shape=(12, 3))',
  "Conv1D(4, 3, padding='causal', activation='hard_sigmoid')",
  "Lambda('x - mean(x, axis=1, keepdims=True)')",
  'Conv1D(5, 2, dilation_rate=2, name="dilated")',
  'LSTM(6)',
  'Dropout(0.5)',
  "Dense(3, activation='softmax', kernel_regularizer='l2')",
];

/** Fixed input of the model's shape (not random: the same bits in every run). */
function fixedInput(shape: readonly number[]): ArrayData {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 2) };
}

async function predictStored(ctx: CommandContext, x: ArrayData): Promise<Float32Array> {
  assert.ok(ctx.session.engine.hasModel, 'the session has a stored model');
  const out = await ctx.session.engine.predict(ctx.session.model.plan(), x.values as Float32Array, x.shape[0]!, x.shape.slice(1), null);
  assert.equal(out.change.rebuilt, false, 'predicted with the stored model');
  return out.values;
}

test('save model then load model in a new session: same layers, summary and bitwise predictions', async () => {
  const target = dir();
  const a = freshContext();
  await runAll(a, [...CUSTOM, `save model ${target}`]);
  const x = fixedInput([4, 12, 3]);
  const before = await predictStored(a, x);
  const [layersA, summaryA] = await runAll(a, ['layers', 'summary']);

  const b = freshContext();
  await runAll(b, ['Dense(2)']);
  const loaded = await run(b, `load model ${target}`);
  assert.ok(loaded.ok, loaded.text);
  assert.match(loaded.text, /Loaded model 'sequential' .*6 layers/);
  const [layersB, summaryB] = await runAll(b, ['layers', 'summary']);
  assert.equal(layersB, layersA);
  assert.equal(summaryB, summaryA);
  assert.deepEqual(await predictStored(b, x), before);
  // An undoable edit: the previous model comes back.
  await runAll(b, ['undo']);
  assert.deepEqual(b.session.model.state.layers.map((l) => l.className), ['Dense']);
});

test('trained weights are saved, not fresh ones', async () => {
  const target = dir();
  const a = freshContext();
  await runAll(a, ['seed 3', 'load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", 'fit epochs=2 verbose=0', `save model ${target}`]);
  const x = fixedInput([5, 4]);
  const trained = await predictStored(a, x);
  const b = freshContext();
  await runAll(b, [`load model ${target}`]);
  assert.deepEqual(await predictStored(b, x), trained);
  // A fresh build of the same layers predicts differently: the weights really came from the fit.
  const c = freshContext();
  await runAll(c, ['Input(shape=(4,))', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", `save model ${dir()}`]);
  assert.notDeepEqual(await predictStored(c, x), trained);
});

test('the files are a tfjs Layers model: tf.loadLayersModel reads them and predicts the same', async () => {
  const target = dir();
  const a = freshContext();
  await runAll(a, [...CUSTOM, `save model ${target}`]);
  assert.deepEqual(readdirSync(target).sort(), ['model.json', 'weights.bin']);
  const json = JSON.parse(readFileSync(join(target, 'model.json'), 'utf8'));
  assert.equal(json.format, 'layers-model');
  assert.deepEqual(json.weightsManifest[0].paths, ['weights.bin']);
  assert.match(json.userDefinedMetadata.klayers.note, /KlayersLambda/);
  assert.equal(json.userDefinedMetadata.klayers.model.layers[1].keras, "Lambda('x - mean(x, axis=1, keepdims=True)', name='lambda')");
  registerKlayersClasses();
  const model = await tf.loadLayersModel(directoryLoadHandler(target));
  const x = fixedInput([2, 12, 3]);
  // Plain tfjs runs its own LSTM cell; klayers' stored model runs the fused LSTM, whose gate
  // arithmetic rounds differently in the last bit.
  const [theirs, ours] = [predictArrays(model, x)[0]!.values, await predictStored(a, x)];
  assert.equal(theirs.length, ours.length);
  theirs.forEach((v, i) => assert.ok(Math.abs(v - ours[i]!) <= 1e-6, `output ${i}: tfjs ${v}, klayers ${ours[i]}`));
  model.dispose();
});

test('load model refuses a missing directory, a non-Layers json, a foreign tfjs model and wrong weight shapes; the session stays', async () => {
  const b = freshContext();
  await runAll(b, ['Input(shape=(3,))', 'Dense(2)']);
  const layers = b.session.model.state;
  const missing = await run(b, `load model ${dir()}`);
  assert.equal(missing.ok, false);
  assert.match(missing.text, /No model directory '.*model'/);

  const notLayers = dir();
  await runAll(freshContext(), ['Input(shape=(3,))', 'Dense(2)', `save model ${notLayers}`]);
  writeFileSync(join(notLayers, 'model.json'), JSON.stringify({ format: 'graph-model', modelTopology: {}, weightsManifest: [] }));
  assert.match((await run(b, `load model ${notLayers}`)).text, /is a tfjs 'graph-model', not a Layers model/);
  writeFileSync(join(notLayers, 'model.json'), '{"hello": 1}');
  assert.match((await run(b, `load model ${notLayers}`)).text, /is not a tfjs Layers model/);

  // A tfjs model saved without klayers's plan.
  const foreign = dir();
  const { directorySaveHandler } = await import('../../src/engine/io/file-handler.js');
  const plain = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
  await plain.save(directorySaveHandler(foreign));
  plain.dispose();
  assert.match((await run(b, `load model ${foreign}`)).text, /no klayers plan/);

  // The plan says 4 units where weights.bin holds 2.
  const edited = dir();
  await runAll(freshContext(), ['Input(shape=(3,))', 'Dense(2)', `save model ${edited}`]);
  const json = JSON.parse(readFileSync(join(edited, 'model.json'), 'utf8'));
  const dense = json.userDefinedMetadata.klayers.model.layers[0];
  dense.given.units = 4;
  dense.args.units = 4;
  writeFileSync(join(edited, 'model.json'), JSON.stringify(json));
  const mismatch = await run(b, `load model ${edited}`);
  assert.equal(mismatch.ok, false);
  assert.match(mismatch.text, /Weight 'dense\/kernel' has shape \(3, 2\) in weights\.bin; layer weight 'dense\/kernel' needs \(3, 4\)/);

  // Arguments that do not follow from the given ones (a hand edit) are refused.
  dense.given.units = 2;
  writeFileSync(join(edited, 'model.json'), JSON.stringify(json));
  assert.match((await run(b, `load model ${edited}`)).text, /layer 'dense''s saved arguments do not match .*\(units\)/);
  assert.equal(b.session.model.state, layers);
});

test('a save that fails half way leaves the previous files whole and no temp files', async () => {
  const target = dir();
  const a = freshContext();
  await runAll(a, ['Input(shape=(3,))', 'Dense(2)', `save model ${target}`]);
  const oldJson = readFileSync(join(target, 'model.json'), 'utf8');
  const oldWeights = readFileSync(join(target, 'weights.bin'));
  await runAll(a, ['Dense(5)']);
  const { NODE_WRITE_OPS } = await import('../../src/fs/atomic-write.js');
  let opened = 0;
  const failing = {
    ...NODE_WRITE_OPS,
    async open(path: string, flags: string) {
      if (++opened === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return NODE_WRITE_OPS.open(path, flags);
    },
  };
  await assert.rejects(a.session.engine.saveModel({ plan: a.session.model.plan(), random: null, dir: target, metadata: {}, ops: failing }), /ENOSPC/);
  assert.equal(readFileSync(join(target, 'model.json'), 'utf8'), oldJson);
  assert.deepEqual(readFileSync(join(target, 'weights.bin')), oldWeights);
  assert.deepEqual(readdirSync(target).sort(), ['model.json', 'weights.bin']);
});

test('save model into a path that is a file says so and writes nothing', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'klayers-model-'));
  const file = join(parent, 'taken');
  writeFileSync(file, 'x');
  const a = freshContext();
  await runAll(a, ['Input(shape=(3,))', 'Dense(2)']);
  const r = await run(a, `save model ${file}`);
  assert.equal(r.ok, false);
  assert.match(r.text, /EEXIST|ENOTDIR|not a directory|exists/);
  assert.equal(readFileSync(file, 'utf8'), 'x');
  assert.equal(existsSync(join(file, 'model.json')), false);
});

test('help save says which saved models load in plain tfjs; save takes model, weights or session', async () => {
  const ctx = freshContext();
  const help = await run(ctx, 'help save');
  assert.match(help.text, /save model\|weights\|session FILE\.keras\|DIR\|FILE\.weights\.h5\|NAME/);
  assert.match(help.text, /keras\.saving\.load_model\("models\/iris\.keras"\) opens it/);
  assert.match(help.text, /tf\.loadLayersModel in any tfjs when the layers are standard ones/);
  assert.match(help.text, /Lambda, causal\/dilated\/channels_first convs and klayers-only activations need klayers's classes registered/);
  const bad = await run(ctx, 'save widgets x');
  assert.equal(bad.ok, false);
  assert.match(bad.text, /save takes 'model', 'weights' or 'session'; got 'widgets'/);
  assert.match((await run(ctx, 'save model out')).text, /The model has no layers to save/);
});
