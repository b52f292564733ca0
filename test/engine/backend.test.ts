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

test('auto falls back to the cpu backend, says why, and prints no tfjs banner or Orthogonal warning', () => {
  const { stdout, stderr, status } = runNode(`
    import { initBackend, buildModel, disposeModel } from './src/engine/index.ts';
    const info = await initBackend('auto');
    // LSTM(32): its 32x128 recurrent kernel is above tfjs's Orthogonal warning threshold.
    const plan = { name: 'sequential', inputShape: [null, 4, 3], inputDtype: 'float32',
      layers: [{ className: 'LSTM', name: 'lstm', args: { units: 32 } }] };
    disposeModel(await buildModel(plan));
    console.warn('other warnings still print');
    console.log(JSON.stringify(info));
  `);
  assert.equal(status, 0, stderr);
  assert.doesNotMatch(stdout + stderr, BANNER);
  assert.doesNotMatch(stdout + stderr, SLOWNESS);
  assert.match(stderr, /other warnings still print/);
  const info = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
  assert.equal(info.name, 'cpu');
  assert.match(info.reason, /tfjs-node is not installed/);
  assert.equal(typeof info.importMs, 'number');
});

test('without the engine, the same tfjs work does print both messages (the check above can fail)', () => {
  const { stderr } = runNode(`
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    tf.initializers.orthogonal({}).apply([32, 128]).dispose();
  `);
  assert.match(stderr, BANNER);
  assert.match(stderr, SLOWNESS);
});

test('asking for wasm or tensorflow explains which package is missing; cpu can be chosen next', () => {
  const { stdout, status, stderr } = runNode(`
    import { initBackend } from './src/engine/index.ts';
    for (const choice of ['wasm', 'tensorflow']) {
      try { await initBackend(choice); console.log('no error'); } catch (e) { console.log(e.message); }
    }
    console.log((await initBackend('cpu')).name);
  `);
  assert.equal(status, 0, stderr);
  const [wasm, native, cpu] = stdout.trim().split('\n');
  assert.match(wasm, /@tensorflow\/tfjs-backend-wasm/);
  assert.match(native, /@tensorflow\/tfjs-node/);
  assert.equal(cpu, 'cpu');
});
