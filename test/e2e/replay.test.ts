import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { ROOT, klayers, summaryIn } from './cli.js';

const KERAS = `${ROOT}test/e2e/keras-scripts/`;
const scripts = readdirSync(KERAS).filter((f) => f.endsWith('.py'));

// Each .py file is a Keras model as a user writes it; its .keras-out.txt is what real Keras
// printed for it. Piping the same file into klayers must print the same summary.
for (const script of scripts) {
  test(`klayers replay - prints Keras's own summary for ${script}`, () => {
    const source = readFileSync(KERAS + script, 'utf8');
    // What Keras printed around its summary (a print of data, `None` after print(model.summary())) is not compared.
    const expected = summaryIn(readFileSync(KERAS + script.replace(/\.py$/, '.keras-out.txt'), 'utf8'));
    assert.notEqual(expected, '');
    const { status, stdout, stderr } = klayers(['replay', '-'], source);
    assert.equal(stderr, '');
    assert.equal(status, 0, stdout);
    assert.equal(summaryIn(stdout), expected);
  });
}

test('klayers replay FILE echoes each command with its output', () => {
  const { status, stdout } = klayers(['replay', 'test/e2e/scripts/edit-session.klayers']);
  assert.equal(status, 0, stdout);
  assert.match(stdout, /^klayers> input \(8,\)\nInput \(None, 8\)\n/);
  assert.match(stdout, /klayers> set 1 units=16\n/);
  assert.match(stdout, /Total params: 161 \(644\.00 B\)/); // 8*16+16 + 16*1+1
});

test('piping into klayers repl behaves as replay -', () => {
  const source = readFileSync(`${ROOT}test/e2e/scripts/edit-session.klayers`, 'utf8');
  const piped = klayers(['repl'], source);
  const replayed = klayers(['replay', '-'], source);
  assert.equal(piped.status, 0);
  assert.equal(piped.stdout, replayed.stdout);
});

test('the first error stops the replay with a non-zero status; --keep-going runs on', () => {
  const script = 'input (4,)\nDense(3)\nConv2D(8, (3, 3))\nDense(2)\nsummary\n';
  const stopped = klayers(['replay', '-'], script);
  assert.equal(stopped.status, 1);
  assert.match(stopped.stdout, /Error: .*Conv2D/);
  assert.doesNotMatch(stopped.stdout, /Dense\(2\)/);
  assert.match(stopped.stderr, /error at line 3/);
  const going = klayers(['replay', '--keep-going', '-'], script);
  assert.equal(going.status, 1);
  assert.match(going.stdout, /Total params: 23 \(92\.00 B\)/); // 4*3+3 + 3*2+2
});

test('a missing script file is one clear line, not a stack trace', () => {
  const { status, stderr } = klayers(['replay', 'no/such/file.klayers']);
  assert.equal(status, 2);
  assert.equal(stderr.trim(), 'klayers: cannot read no/such/file.klayers: no such file.');
});

test('the backend command names the backend and tfjs banners never reach the user', () => {
  const { status, stdout, stderr } = klayers(['replay', '-'], 'backend\ninput (5, 4)\nLSTM(32)\ninspect 1\n');
  assert.equal(status, 0, stdout + stderr);
  // auto: native TensorFlow when `klayers native setup` has built it, else a JS backend; either
  // way the reason says which (backend.test.ts checks both cases).
  assert.match(stdout, /Backend: (tensorflow \(auto: native TensorFlow \d|(wasm|cpu) \(auto: native TensorFlow is not set up; run 'klayers native setup')/);
  assert.doesNotMatch(stdout + stderr, /Hi, looks like you are running TensorFlow\.js|Slowness may result/);
});

test('inspect shows the full config, the weights and their statistics', () => {
  const { status, stdout } = klayers(['replay', '-'], 'input (5, 3)\nLSTM(4)\ninspect 1\n');
  assert.equal(status, 0, stdout);
  assert.match(stdout, /recurrent_activation: 'sigmoid'/);
  assert.match(stdout, /unit_forget_bias: True/);
  assert.match(stdout, /kernel \(3, 16\)\s+48/);
  assert.match(stdout, /recurrent_kernel \(4, 16\)\s+64/);
  assert.match(stdout, /bias \(16,\)\s+16/);
  assert.match(stdout, /bias \(16,\): min 0\.000  max 1\.000/, 'unit_forget_bias starts the forget gate at 1');
  assert.match(stdout, /NaN 0\s+Inf 0/);
});
