/**
 * `klayers native setup` for real: pip fetches the tensorflow-cpu wheel, the addon is built and
 * checked against wasm, `native status` and `backend` then name native TensorFlow, and a second
 * run only checks. Skipped (saying why) where pip or a compiler is missing. Runs in a temporary
 * $KLAYERS_NATIVE_DIR, so the user's cache is untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo-root.js';

const BIN = join(repoRoot(), 'bin', 'klayers.js');

function klayers(args: readonly string[], env: NodeJS.ProcessEnv, input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', timeout: 600_000 });
}

const missing = ['pip', 'g++', 'make'].filter((tool) => {
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  return probe.error !== undefined || probe.status !== 0;
});

test('without a compiler, setup says what is missing and the command that installs it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-native-nocc-'));
  const run = klayers(['native', 'setup'], { ...process.env, PATH: '', KLAYERS_NATIVE_DIR: dir });
  assert.equal(run.status, 1);
  assert.equal(run.stderr, 'klayers: A C++ compiler and make are needed to build the addon; install them (apt-get install g++ make).\n');
  const status = klayers(['native', 'status'], { ...process.env, KLAYERS_NATIVE_DIR: dir });
  assert.equal(status.stdout, "Native TensorFlow: not available: native TensorFlow is not set up; run 'klayers native setup'.\n");
  rmSync(dir, { recursive: true, force: true });
});

test('native setup builds TensorFlow from the pip wheel, checks it, and backend auto uses it', { skip: missing.length > 0 && `needs ${missing.join(', ')}` }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-native-setup-'));
  const env = { ...process.env, KLAYERS_NATIVE_DIR: dir };
  try {
    const first = klayers(['native', 'setup'], env);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /pip download tensorflow-cpu==2\.21\.0/);
    assert.match(first.stdout, /building the tfjs-node addon/);
    assert.match(first.stdout, /building klayers' own kernels for this CPU/);
    assert.match(first.stdout, /Native TensorFlow 2\.21\.0 is set up: it loads, and matches wasm within/);
    const again = klayers(['native', 'setup'], env);
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(again.stdout, /pip download|building|npm pack/, 'a second run only checks');
    const status = klayers(['native', 'status'], env);
    assert.match(status.stdout, /^Native TensorFlow 2\.21\.0 loads from .*klayers-native-setup-.* \(checked /);
    assert.match(status.stdout, /klayers' own kernels for this CPU are loaded/);
    // The LSTM on klayers' kernels (two threads at 64 units; sequences, go_backwards) trains as on
    // TensorFlow's BlockLSTM, epoch by epoch.
    const lstm = ['seed 5', 'backend tensorflow', 'load builtin:sine n=300 window=20 horizon=1', 'LSTM(64, return_sequences=True)', 'LSTM(64, go_backwards=True)', 'Dense(1)', 'compile optimizer=adam', 'fit epochs=3 batch_size=32'].join('\n');
    const losses = (kernels: string, lines = lstm) => {
      const out = klayers(['replay', '-'], { ...env, KLAYERS_NATIVE_KERNELS: kernels }, `${lines}\n`).stdout;
      return [...out.matchAll(/ - (val_)?loss: ([\d.]+)/g)].map((m) => Number(m[2]));
    };
    const own = losses('1');
    const block = losses('0');
    assert.equal(own.length, 6, 'three epochs with loss and val_loss');
    own.forEach((v, i) => assert.ok(Math.abs(v - block[i]!) <= 2e-4, `loss ${i}: ${v} (own kernels) vs ${block[i]} (BlockLSTM)`));
    // Conv2D and MaxPooling2D on them (valid and 'same' padding, strides, ReLU, no bias, the
    // input's gradient) as on TensorFlow's convs and MaxPoolWithArgmax.
    const conv = ['seed 5', 'backend tensorflow', 'load builtin:digits reshape=(8, 8, 1)', "Conv2D(32, (3, 3), activation='relu')", "MaxPooling2D((3, 3), strides=(1, 1), padding='same')", "Conv2D(16, (3, 3), padding='same', strides=(2, 2), activation='relu')", 'Conv2D(16, (2, 2), use_bias=False)', 'MaxPooling2D((2, 2))', 'Flatten()', "Dense(10, activation='softmax')", 'compile optimizer=adam loss=sparse_categorical_crossentropy', 'fit epochs=3 batch_size=32'].join('\n');
    const ownConv = losses('1', conv);
    const tfConv = losses('0', conv);
    assert.equal(ownConv.length, 6);
    ownConv.forEach((v, i) => assert.ok(Math.abs(v - tfConv[i]!) <= 2e-4, `conv loss ${i}: ${v} (own kernels) vs ${tfConv[i]} (TensorFlow)`));
    // Small kernels (32 values or fewer per filter), which kernels.cc sums directly: 'same'
    // padding with strides, filter counts it has no fixed size for (3, 24) and has (8), no bias,
    // and the input's gradient through them; pools over 3 channels (no vectors of 8) and 24 (three).
    const small = ['seed 5', 'backend tensorflow', 'load builtin:digits reshape=(8, 8, 1)', "Conv2D(3, (3, 3), padding='same', strides=(2, 1))", "MaxPooling2D((2, 2), strides=(1, 1), padding='same')", "Conv2D(8, (2, 3), padding='same', use_bias=False, activation='relu')", "Conv2D(24, (1, 1), activation='relu')", 'MaxPooling2D((2, 2))', 'Flatten()', "Dense(10, activation='softmax')", 'compile optimizer=adam loss=sparse_categorical_crossentropy', 'fit epochs=3 batch_size=32'].join('\n');
    const ownSmall = losses('1', small);
    const tfSmall = losses('0', small);
    assert.equal(ownSmall.length, 6);
    ownSmall.forEach((v, i) => assert.ok(Math.abs(v - tfSmall[i]!) <= 2e-4, `small conv loss ${i}: ${v} (own kernels) vs ${tfSmall[i]} (TensorFlow)`));
    const backend = klayers(['replay', '-'], env, 'backend\n');
    assert.match(backend.stdout, /Backend: tensorflow \(auto: native TensorFlow 2\.21\.0\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
