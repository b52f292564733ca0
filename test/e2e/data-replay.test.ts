import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klayers } from './cli.js';

// A script that loads a small committed CSV, replayed by the built CLI exactly as a user would.
const SCRIPT = ['load test/data/fixtures/flowers.csv target=species', 'data', "Dense(3, activation='softmax')", 'summary', ''].join('\n');

test('klayers replay loads a CSV, sets the Input from it and shows the data', () => {
  const { status, stdout, stderr } = klayers(['replay', '-'], SCRIPT);
  assert.equal(stderr, '');
  assert.equal(status, 0, stdout);
  assert.match(stdout, /klayers> load test\/data\/fixtures\/flowers\.csv target=species\nLoaded test\/data\/fixtures\/flowers\.csv: 30 rows, 5 columns \(delimiter ',', header line\)\./);
  assert.match(stdout, /Model input set from the data: Input\(shape=\(3,\)\)\./);
  assert.match(stdout, /Split: train 24, validation 6, test 0/);
  assert.match(stdout, /Total params: 12 \(48\.00 B\)/); // 3*3 + 3
  assert.doesNotMatch(stdout, /Reading /); // no progress lines in a replay
});

test('a bad load stops the replay with a non-zero status and the file:line message', () => {
  const { status, stdout } = klayers(['replay', '-'], 'load test/data/fixtures/no-such.csv\n');
  assert.notEqual(status, 0);
  assert.match(stdout, /Error: No such file: test\/data\/fixtures\/no-such\.csv/);
});
