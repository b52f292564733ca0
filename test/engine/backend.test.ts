import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './repo-root.js';

const root = repoRoot();

/** Run an ES module snippet in a fresh node (with tsx) and collect what it prints. */
function runNode(code: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

const BANNER = /looks like you are running TensorFlow\.js in Node\.js/;
const SLOWNESS = /Slowness may result/;

test('auto picks wasm (tfjs-node is absent), says why, and neither wasm nor a later cpu switch prints tfjs noise', () => {
  const { stdout, stderr, status } = runNode(`
    import { initBackend, buildModel, disposeModel, chooseTrainingBackend } from './src/engine/index.ts';
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
  `);
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
    const tf = await import('./src/engine/backend/tf.ts');
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

test('asking for tensorflow explains which package is missing; wasm and cpu can be chosen next', () => {
  const { stdout, status, stderr } = runNode(`
    import { initBackend } from './src/engine/index.ts';
    try { await initBackend('tensorflow'); console.log('no error'); } catch (e) { console.log(e.message); }
    console.log((await initBackend('wasm')).name);
    console.log((await initBackend('cpu')).name);
  `);
  assert.equal(status, 0, stderr);
  const [native, wasm, cpu] = stdout.trim().split('\n');
  assert.match(native, /The tensorflow backend needs '@tensorflow\/tfjs-node'.*not installed.*backend wasm.*backend cpu/);
  assert.equal(wasm, 'wasm');
  assert.equal(cpu, 'cpu');
  assert.doesNotMatch(stderr, BANNER);
});
