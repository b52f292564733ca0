/**
 * Broken or hostile Keras files are refused with one line naming what is wrong, before the
 * session changes (the model, its weights and the compile stay as they were), and a 10 GB
 * dataset is refused from its declared shape, never read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { repoRoot } from '../helpers/repo-root.js';
import { freshContext, run, runAll } from '../helpers/run.js';
import { readH5, writeH5 } from '../../src/keras-file/h5-store.js';

const MLP = join(repoRoot(), 'test', 'golden', 'keras-files', 'mlp.keras');
const dir = mkdtempSync(join(tmpdir(), 'klayers-bad-'));

function members(): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(MLP)));
}

function file(name: string, data: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** The mlp's weights store with `change` applied to its datasets (h5wasm makes it). */
async function changedStore(change: (datasets: { path: string; shape: number[]; values: Float32Array | Int32Array }[]) => void): Promise<Uint8Array> {
  const { groups, datasets } = await readH5(members()['model.weights.h5']!, 'mlp', (h5) => ({
    groups: [...h5.groups].sort((a, b) => a.split('/').length - b.split('/').length).map((path) => ({ path })),
    datasets: [...h5.datasets].map(([path, e]) => ({ path, shape: [...e.shape], values: e.dtype.startsWith('int') ? Int32Array.from(h5.read(path)) : h5.read(path) })),
  }));
  change(datasets);
  return writeH5(groups, datasets);
}

const keras = (m: Record<string, Uint8Array>) => zipSync(m, { level: 0 });

/** Loads `line` in a session holding another compiled model; the refusal must leave it as it was. */
async function refused(line: string, pattern: RegExp): Promise<void> {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(3,))', 'Dense(2)', "compile(optimizer='sgd', loss='mse')"]);
  const state = ctx.session.model.state;
  const compile = ctx.session.training.compile;
  const r = await run(ctx, line);
  assert.equal(r.ok, false, r.text);
  assert.equal(r.text.split('\n').length, 1, r.text);
  assert.match(r.text, pattern);
  assert.equal(ctx.session.model.state, state);
  assert.equal(ctx.session.training.compile, compile);
}

test('a truncated .keras file', async () => {
  const bytes = readFileSync(MLP);
  await refused(`load model ${file('cut.keras', bytes.subarray(0, bytes.length >> 1))}`, /cut\.keras is not a readable zip archive .*it may be truncated/);
});

test('a .keras zip without config.json', async () => {
  const { ['config.json']: _gone, ...rest } = members();
  await refused(`load model ${file('noconfig.keras', keras(rest))}`, /noconfig\.keras has no config\.json; a \.keras file holds metadata\.json, config\.json and model\.weights\.h5/);
});

test('a file that is no zip at all', async () => {
  await refused(`load model ${file('text.keras', new TextEncoder().encode('hello'))}`, /text\.keras is not a \.keras file \(not a zip archive\)/);
});

test('a zip member declaring more bytes than klayers reads is refused before it is inflated', async () => {
  const bytes = new Uint8Array(readFileSync(MLP));
  const view = new DataView(bytes.buffer);
  // The central directory entry of model.weights.h5: its uncompressed size (offset 24) says 4 GB.
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)) === 'model.weights.h5') view.setUint32(at + 24, 0xfffffff0, true);
  }
  await refused(`load model ${file('declared.keras', bytes)}`, /declared\.keras: model\.weights\.h5 declares 4,294,967,280 bytes, more than the 2,147,483,648 klayers reads/);
});

test('load weights into a model without an Input', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Dense(3)']);
  const r = await run(ctx, `load weights ${file('any.weights.h5', new Uint8Array(8))}`);
  assert.match(r.text, /^Error: The model has no Input yet, so its weights have no shapes to load into\. Add one first/);
});

test('a config naming a class outside the catalog', async () => {
  const m = members();
  const config = new TextDecoder().decode(m['config.json']).replace('"class_name": "Activation"', '"class_name": "Conv3D"');
  await refused(`load model ${file('unknown.keras', keras({ ...m, 'config.json': new TextEncoder().encode(config) }))}`, /Layer 'activation' is a 'Conv3D', which klayers does not have/);
});

test('a config key the catalog layer does not take', async () => {
  const m = members();
  const config = new TextDecoder().decode(m['config.json']).replace('"units": 3,', '"units": 3, "lora_magic": 4,');
  await refused(`load model ${file('key.keras', keras({ ...m, 'config.json': new TextEncoder().encode(config) }))}`, /Layer 'dense' \(Dense\) has the config key 'lora_magic'/);
});

test('a Lambda holding Python bytecode and a functional model are refused by name', async () => {
  const golden = join(repoRoot(), 'test', 'golden', 'keras-files');
  await refused(`load model ${join(golden, 'lambda.keras')}`, /Layer 'lambda' is a Lambda holding Python bytecode: klayers never runs code from a file/);
  await refused(`load model ${join(golden, 'functional.keras')}`, /holds a functional model .*klayers holds Sequential models/);
});

test('a weights store missing a variable, or with one mis-shaped', async () => {
  const missing = await changedStore((d) => d.splice(d.findIndex((x) => x.path === 'layers/dense_1/vars/1'), 1));
  await refused(`load model ${file('missing.keras', keras({ ...members(), 'model.weights.h5': missing }))}`, /has no weight layers\/dense_1\/vars\/1 for layer 'dense_1' bias \(needs shape \(2,\)\)/);
  const shaped = await changedStore((d) => {
    const i = d.findIndex((x) => x.path === 'layers/dense/vars/0');
    d[i] = { path: 'layers/dense/vars/0', shape: [3, 4], values: new Float32Array(12) };
  });
  await refused(`load model ${file('shape.keras', keras({ ...members(), 'model.weights.h5': shaped }))}`, /layer 'dense' kernel needs shape \(4, 3\) at layers\/dense\/vars\/0; the file has \(3, 4\)/);
  await refused(`load weights ${file('shape.weights.h5', shaped)}`, /shape\.weights\.h5: layer 'dense' kernel needs shape \(3, 2\) at layers\/dense\/vars\/0; the file has \(3, 4\)/);
});

test('a dataset declaring 10 GB is refused from its shape, before anything is read', async () => {
  const h5 = await import('h5wasm/node');
  await h5.ready;
  const path = join(dir, 'huge.weights.h5');
  const f = new h5.File(path, 'w');
  for (const g of ['layers', 'layers/dense', 'layers/dense/vars']) f.create_group(g);
  const big = (f.get('layers/dense/vars') as InstanceType<typeof h5.Group>).create_dataset({ name: '0', data: new Float32Array(1), shape: [1, 1], maxshape: [null, null], chunks: [1024, 1024], dtype: '<f' });
  big.resize([50_000, 50_000]); // 2.5e9 float32: 10 GB declared, nothing written
  f.close();
  const before = process.memoryUsage().rss;
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', 'Dense(3)']);
  const r = await run(ctx, `load weights ${path}`);
  assert.equal(r.ok, false);
  assert.match(r.text, /layer 'dense' kernel needs shape \(4, 3\) at layers\/dense\/vars\/0; the file has \(50000, 50000\)/);
  assert.ok(process.memoryUsage().rss - before < 1024 ** 3, 'nothing near 10 GB was allocated');
});

test('save model FILE.keras refuses a klayers Lambda, pointing to export keras; save weights still writes its weights', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', "Lambda('x * 2')", 'Dense(1)']);
  const r = await run(ctx, `save model ${join(dir, 'lambda.keras')}`);
  assert.equal(r.ok, false);
  assert.match(r.text, /^Error: Layer 'lambda' is a klayers Lambda: a \.keras file keeps a Lambda as Python bytecode, which klayers cannot write\. Use export keras FILE\.py for a runnable Keras script/);
  const w = await run(ctx, `save weights ${join(dir, 'lambda.weights.h5')}`);
  assert.ok(w.ok, w.text);
  assert.match(w.text, /^Saved the weights of 'sequential' to .*lambda\.weights\.h5: 5 parameters, initial weights \(not trained yet\)\.$/);
  assert.match((await run(ctx, `save weights ${join(dir, 'lambda.h5')}`)).text, /save weights writes Keras's FILE\.weights\.h5; got '.*lambda\.h5'/);
});

test('a compile klayers cannot take (a loss object, weight decay) loads the model uncompiled and says why', async () => {
  const m = members();
  const config = new TextDecoder().decode(m['config.json']).replace('"loss": "categorical_crossentropy"', '"loss": {"module": "keras.losses", "class_name": "CategoricalFocalCrossentropy", "config": {}, "registered_name": null}');
  const ctx = freshContext();
  const r = await run(ctx, `load model ${file('lossobject.keras', keras({ ...m, 'config.json': new TextEncoder().encode(config) }))}`);
  assert.ok(r.ok, r.text);
  assert.match(r.text, /Loaded model 'sequential' .*4 layers, 23 parameters/);
  assert.match(r.text, /Not compiled: the loss is \{"module":"keras\.losses".*; klayers reads a loss given by name, e\.g\. 'categorical_crossentropy'\. Compile it here before fit\./);
  assert.equal(ctx.session.training.compile, null);
});
