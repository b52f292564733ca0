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
    assert.match(first.stdout, /Native TensorFlow 2\.21\.0 is set up: it loads, and matches wasm within/);
    const again = klayers(['native', 'setup'], env);
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(again.stdout, /pip download|building|npm pack/, 'a second run only checks');
    const status = klayers(['native', 'status'], env);
    assert.match(status.stdout, /^Native TensorFlow 2\.21\.0 loads from .*klayers-native-setup-.* \(checked /);
    const backend = klayers(['replay', '-'], env, 'backend\n');
    assert.match(backend.stdout, /Backend: tensorflow \(auto: native TensorFlow 2\.21\.0\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
