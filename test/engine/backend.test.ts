import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/repo-root.js';

const root = repoRoot();
const HOOKS = pathToFileURL(join(root, 'test', 'engine', 'fixtures', 'tfjs-node-hooks.mjs')).href;
/** Run from dist/test/, the snippets use the compiled engine; from test/, its source through tsx. */
const COMPILED = import.meta.url.endsWith('.js');
const ENGINE = COMPILED ? './dist/src/engine/index.js' : './src/engine/index.ts';
const TF = COMPILED ? './dist/src/engine/backend/tf.js' : './src/engine/backend/tf.ts';

/**
 * Run an ES module snippet in a fresh node (with tsx for the source) and collect what it prints. With `tfjsNode`,
 * importing @tensorflow/tfjs-node fails as when it is not installed ('absent') or loads a stand-in
 * that registers a 'tensorflow' backend ('present'), whatever this machine has installed.
 */
function runNode(code: string, tfjsNode?: 'absent' | 'present') {
  const hooks = tfjsNode
    ? ['--import', `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(HOOKS)}, { data: { tfjsNode: ${JSON.stringify(tfjsNode)} } });`)}`]
    : [];
  const child = spawnSync(process.execPath, [...(COMPILED ? [] : ['--import', 'tsx']), ...hooks, '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

const BANNER = /looks like you are running TensorFlow\.js in Node\.js/;
const SLOWNESS = /Slowness may result/;

test('without tfjs-node, auto picks wasm, says why, and neither wasm nor a later cpu switch prints tfjs noise', () => {
  const { stdout, stderr, status } = runNode(`
    import { initBackend, buildModel, disposeModel, chooseTrainingBackend } from '${ENGINE}';
    const info = await initBackend('auto');
    // LSTM(32): its 32x128 recurrent kernel is above tfjs's Orthogonal warning threshold.
    const plan = { name: 'sequential', inputShape: [null, 4, 3], inputDtype: 'float32',
      layers: [{ className: 'LSTM', name: 'lstm', args: { units: 32 } }] };
    disposeModel(await buildModel(plan));
    // A layer class wasm was never checked with sends auto to cpu, whose first tensor prints the banner.
    const cpu = await chooseTrainingBackend({ ...plan, layers: [...plan.layers, { className: 'Unchecked', name: 'u', args: {} }] });
    disposeModel(await buildModel(plan));
    console.warn('other warnings still print');
    const listeners = process.listeners('uncaughtException').length + process.listeners('unhandledRejection').length;
    console.log(JSON.stringify({ info, cpu, listeners }));
  `, 'absent');
  assert.equal(status, 0, stderr);
  assert.doesNotMatch(stdout + stderr, BANNER);
  assert.doesNotMatch(stdout + stderr, SLOWNESS);
  assert.match(stderr, /other warnings still print/);
  const { info, cpu, listeners } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
  assert.equal(info.name, 'wasm');
  assert.match(info.reason, /tfjs-node is not installed/);
  assert.match(info.reason, /fastest JS backend for Dense\/LSTM; conv gradients registered/);
  assert.equal(typeof info.importMs, 'number');
  assert.equal(cpu.name, 'cpu');
  assert.match(cpu.reason, /the model has Unchecked, which wasm cannot train/);
  assert.equal(listeners, 0, "wasm's process-wide crash handlers are removed");
});

test('without the engine, the same tfjs work prints both messages and wasm leaves crash handlers (the checks above can fail)', () => {
  const { stdout, stderr } = runNode(`
    const tf = await import('${TF}');
    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
    console.log(process.listeners('uncaughtException').length + process.listeners('unhandledRejection').length);
    await tf.setBackend('cpu');
    tf.initializers.orthogonal({}).apply([32, 128]).dispose();
  `);
  assert.match(stderr, BANNER);
  assert.match(stderr, SLOWNESS);
  assert.ok(Number(stdout.trim()) > 0, stdout);
});

test('without tfjs-node, asking for tensorflow explains which package is missing; wasm and cpu can be chosen next', () => {
  const { stdout, status, stderr } = runNode(`
    import { initBackend } from '${ENGINE}';
    try { await initBackend('tensorflow'); console.log('no error'); } catch (e) { console.log(e.message); }
    console.log((await initBackend('wasm')).name);
    console.log((await initBackend('cpu')).name);
  `, 'absent');
  assert.equal(status, 0, stderr);
  const [native, wasm, cpu] = stdout.trim().split('\n');
  assert.match(native!, /The tensorflow backend needs '@tensorflow\/tfjs-node'.*not installed.*backend wasm.*backend cpu/);
  assert.equal(wasm, 'wasm');
  assert.equal(cpu, 'cpu');
  assert.doesNotMatch(stderr, BANNER);
});

test('with tfjs-node, auto and tensorflow use it, and auto keeps it for any model', () => {
  const { stdout, stderr, status } = runNode(`
    import * as tf from '@tensorflow/tfjs-core';
    import { initBackend, chooseTrainingBackend, buildModel, disposeModel } from '${ENGINE}';
    const auto = await initBackend('auto');
    const plan = { name: 'sequential', inputShape: [null, 4], inputDtype: 'float32',
      layers: [{ className: 'Dense', name: 'dense', args: { units: 2 } }] };
    const unchecked = await chooseTrainingBackend({ ...plan, layers: [...plan.layers, { className: 'Unchecked', name: 'u', args: {} }] });
    const trainedOn = tf.getBackend();
    disposeModel(await buildModel(plan));
    const explicit = await initBackend('tensorflow');
    console.log(JSON.stringify({ auto, unchecked, trainedOn, explicit }));
  `, 'present');
  assert.equal(status, 0, stderr);
  const { auto, unchecked, trainedOn, explicit } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
  assert.deepEqual([auto.name, auto.reason], ['tensorflow', 'auto: tfjs-node is installed: native TensorFlow']);
  assert.deepEqual([unchecked.name, trainedOn], ['tensorflow', 'tensorflow'], 'native TensorFlow trains every layer: no switch to wasm or cpu');
  assert.deepEqual([explicit.name, explicit.reason], ['tensorflow', 'tfjs-node is installed: native TensorFlow']);
});

test("on this machine as installed, auto uses tfjs-node exactly when it loads, and wasm otherwise", () => {
  const probe = runNode(`
    const tf = await import('@tensorflow/tfjs-core');
    try { await import('@tensorflow/tfjs-node'); console.log(await tf.setBackend('tensorflow')); } catch { console.log(false); }
  `);
  const native = probe.stdout.trim().split('\n').pop() === 'true';
  const { stdout, stderr, status } = runNode(`
    import { initBackend } from '${ENGINE}';
    console.log((await initBackend('auto')).name);
  `);
  assert.equal(status, 0, stderr);
  assert.equal(stdout.trim().split('\n').pop(), native ? 'tensorflow' : 'wasm', `tfjs-node ${native ? 'loads' : 'does not load'} here`);
});
