import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, klayers } from './cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'klayers-session-'));

// Dense(8) on 4 inputs has 4*8 + 8 = 40 parameters; the file below says 41.
const WRONG = [
  '# columns: 80',
  '',
  'klayers> Input(shape=(4,))',
  'Input (None, 4)',
  '',
  'klayers> Dense(8)',
  'Added 1 dense (Dense) -> (None, 8), 41 params',
  '',
  'klayers> layers',
  '#  name         layer              output shape  params',
  '0  input_layer  Input(shape=(4,))  (None, 4)          0',
  '1  dense        Dense(8)           (None, 8)         40',
  '',
].join('\n');

test('--check prints a unified diff for the cell that changed and exits 1', () => {
  const file = join(tmp(), 'wrong.klayers');
  writeFileSync(file, WRONG);
  const r = klayers(['replay', file, '--check']);
  assert.equal(r.status, 1);
  assert.equal(
    r.stdout,
    [
      `${file}:6: klayers> Dense(8)`,
      `--- ${file} (recorded)`,
      `+++ ${file} (now)`,
      '@@ -7,1 +7,1 @@',
      '-Added 1 dense (Dense) -> (None, 8), 41 params',
      '+Added 1 dense (Dense) -> (None, 8), 40 params',
      `${file}: 1 of 3 outputs differ.`,
      '',
    ].join('\n'),
  );
});

test('--update rewrites only the outputs, atomically, and then --check passes', () => {
  const dir = tmp();
  const file = join(dir, 'wrong.klayers');
  writeFileSync(file, WRONG.replace('# columns: 80', '# my notes\n# columns: 80'));
  const r = klayers(['replay', file, '--update']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, `${file}: 1 of 3 outputs updated.\n`);
  assert.equal(readFileSync(file, 'utf8'), WRONG.replace('41 params', '40 params').replace('# columns: 80', '# my notes\n# columns: 80'));
  assert.deepEqual(readdirSync(dir), ['wrong.klayers']);
  assert.equal(klayers(['replay', file, '--check']).status, 0);
});

test('-p overrides a param the session declares; an unknown -p name is an error naming the declared ones', () => {
  const file = join(tmp(), 'p.klayers');
  writeFileSync(file, 'klayers> param units=8 act=relu\nklayers> Input(shape=(4,))\nklayers> Dense($units, activation=$act)\n');
  const r = klayers(['replay', file, '-p', 'units=2', '-p', "act='tanh'"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^units = 2 \(given with -p; the session's default is 8\)\nact = 'tanh' \(given with -p; the session's default is relu\)$/m);
  // 4 inputs x 2 units + 2 biases.
  assert.match(r.stdout, /^Added 1 dense \(Dense\) -> \(None, 2\), 10 params$/m);
  const bad = klayers(['replay', file, '-p', 'unit=2']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, `klayers: ${file}: unknown parameter 'unit' given with -p; it declares: units, act.\n`);
  const junk = klayers(['replay', file, '-p', 'units=2 act=3']);
  assert.equal(junk.status, 2);
  assert.match(junk.stderr, /-p takes NAME=VALUE with one literal value/);
});

test('save session NAME writes sessions/NAME.klayers from the accepted commands, and it replays green', () => {
  const cwd = tmp();
  const script = ['param units=3', 'Input(shape=(2,))', 'Dense(99 99)', 'Dense($units)', 'summary', 'save session tiny'].join('\n');
  const run = spawnSync(process.execPath, [`${ROOT}bin/klayers.js`, 'replay', '-', '--keep-going'], { cwd, input: script, encoding: 'utf8', env: { ...process.env, COLUMNS: '80', NO_COLOR: '1' } });
  assert.match(run.stdout, /Saved 4 commands and their outputs to sessions\/tiny\.klayers\./);
  const saved = readFileSync(join(cwd, 'sessions', 'tiny.klayers'), 'utf8');
  const commands = saved.split('\n').filter((l) => l.startsWith('klayers> '));
  // The refused line and the save itself are left out.
  assert.deepEqual(commands, ['klayers> param units=3', 'klayers> Input(shape=(2,))', 'klayers> Dense($units)', 'klayers> summary']);
  assert.match(saved, /^Added 1 dense \(Dense\) -> \(None, 3\), 9 params$/m);
  const check = klayers(['replay', join(cwd, 'sessions', 'tiny.klayers'), '--check']);
  assert.equal(check.status, 0, check.stdout);
});
