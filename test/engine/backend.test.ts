import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo-root.js';
import { nativeDir } from './fixtures/native-dir.js';

const root = repoRoot();
/** Run from dist/test/, the snippets use the compiled engine; from test/, its source through tsx. */
const COMPILED = import.meta.url.endsWith('.js');
const ENGINE = COMPILED ? './dist/src/engine/index.js' : './src/engine/index.ts';
const TF = COMPILED ? './dist/src/engine/backend/tf.js' : './src/engine/backend/tf.ts';

/**
 * Run an ES module snippet in a fresh node (with tsx for the source) and collect what it prints. With `native`,
 * native TensorFlow is not set up ('absent') or a stand-in registers a 'tensorflow' backend
 * ('present'), whatever this machine has set up.
 */
function runNode(code: string, native?: 'absent' | 'present') {
  const env = native ? { ...process.env, KLAYERS_NATIVE_DIR: nativeDir(native) } : process.env;
  const child = spawnSync(process.execPath, [...(COMPILED ? [] : ['--import', 'tsx']), '--input-type=module', '-e', code], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

const BANNER = /looks like you are running TensorFlow\.js in Node\.js/;
const SLOWNESS = /Slowness may result/;

test('without native TensorFlow, auto picks wasm, says why, and neither wasm nor a later cpu switch prints tfjs noise', () => {
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
  assert.match(info.reason, /native TensorFlow is not set up; run 'klayers native setup'/);
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

test('without native TensorFlow, asking for tensorflow explains which package is missing; wasm and cpu can be chosen next', () => {
  const { stdout, status, stderr } = runNode(`
    import { initBackend } from '${ENGINE}';
    try { await initBackend('tensorflow'); console.log('no error'); } catch (e) { console.log(e.message); }
    console.log((await initBackend('wasm')).name);
    console.log((await initBackend('cpu')).name);
  `, 'absent');
  assert.equal(status, 0, stderr);
  const [native, wasm, cpu] = stdout.trim().split('\n');
  assert.match(native!, /The tensorflow backend is not available: native TensorFlow is not set up; run 'klayers native setup'.*backend wasm.*backend cpu/);
  assert.equal(wasm, 'wasm');
  assert.equal(cpu, 'cpu');
  assert.doesNotMatch(stderr, BANNER);
});

test('with native TensorFlow set up, auto and tensorflow use it, and auto keeps it for any model', () => {
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
  assert.deepEqual([auto.name, auto.reason], ['tensorflow', 'auto: native TensorFlow fake']);
  assert.deepEqual([unchecked.name, trainedOn], ['tensorflow', 'tensorflow'], 'native TensorFlow trains every layer: no switch to wasm or cpu');
  assert.deepEqual([explicit.name, explicit.reason], ['tensorflow', 'native TensorFlow fake']);
});

test('on this machine as set up, auto uses native TensorFlow exactly when `klayers native status` says it loads', () => {
  const status = spawnSync(process.execPath, [join(root, 'bin', 'klayers.js'), 'native', 'status'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const native = status.status === 0;
  const { stdout, stderr } = runNode(`
    import { initBackend } from '${ENGINE}';
    console.log((await initBackend('auto')).name);
  `);
  assert.equal(stdout.trim().split('\n').pop(), native ? 'tensorflow' : 'wasm', `${status.stdout}${stderr}`);
});
