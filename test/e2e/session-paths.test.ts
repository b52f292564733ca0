import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const JOURNALS = mkdtempSync(join(tmpdir(), 'klayers-journal-'));

/** The built CLI run from `cwd`, as a user in that directory would. */
function klayersIn(cwd: string, args: readonly string[], stdin = '') {
  const r = spawnSync(process.execPath, [`${ROOT}bin/klayers.js`, ...args], { cwd, input: stdin, encoding: 'utf8', timeout: 60_000, env: { ...process.env, COLUMNS: '80', NO_COLOR: '1', KLAYERS_JOURNAL: JOURNALS } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CSV = 'a,b,y\n1,2,3\n2,3,5\n3,4,7\n4,5,9\n5,6,11\n6,7,13\n7,8,15\n8,9,17\n';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-paths-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 't.csv'), CSV);
  return dir;
}

test('a saved session with relative data, model and export paths replays green from its directory and from elsewhere', () => {
  const dir = project();
  const script = ['seed 1', 'load data/t.csv target=y', 'Dense(1)', 'save model models/m', 'export json m.json', 'load model models/m', 'save session s'].join('\n');
  const run = klayersIn(dir, ['replay', '-'], script);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /Run it again with: klayers replay sessions\/s\.klayers --check$/m);
  // The very command it prints, where it was saved.
  const here = klayersIn(dir, ['replay', 'sessions/s.klayers', '--check']);
  assert.equal(here.status, 0, here.stdout + here.stderr);
  assert.match(here.stdout, /^sessions\/s\.klayers: all 6 outputs match\.$/m);
  // From another directory, by its absolute path: the same files, nothing written where it runs.
  const elsewhere = mkdtempSync(join(tmpdir(), 'klayers-cwd-'));
  const there = klayersIn(elsewhere, ['replay', join(dir, 'sessions', 's.klayers'), '--check']);
  assert.equal(there.status, 0, there.stdout + there.stderr);
  assert.deepEqual(readdirSync(elsewhere), []);
  assert.deepEqual(readdirSync(dir).sort(), ['data', 'm.json', 'models', 'sessions']);
});

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

test('a replayed file cannot read or write outside its directory tree unless --allow-path or --allow-any-path says so', () => {
  const root = mkdtempSync(join(tmpdir(), 'klayers-jail-'));
  const dir = join(root, 'shared');
  const outside = join(root, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.csv'), CSV);
  const lines = [
    `load ${join(outside, 'secret.csv')} target=y`,
    'load ../outside/secret.csv target=y',
    'Input(shape=(2,))',
    'Dense(1)',
    `export json ${join(outside, 'x.json')}`,
    'export keras ../outside/x.py',
    `save model ${join(outside, 'm')}`,
    `load model ${join(outside, 'm')}`,
    'layers',
  ];
  const file = join(dir, 'evil.klayers');
  writeFileSync(file, lines.map((l) => `klayers> ${l}\n`).join(''));
  const before = tree(root);
  const r = klayersIn(root, ['replay', file, '--keep-going']);
  assert.equal(r.status, 1);
  const refusals = r.stdout.split('\n').filter((l) => l.startsWith('Error: '));
  assert.equal(refusals.length, 6, r.stdout);
  for (const line of refusals) assert.match(line, /^Error: '.+' is outside .+: a replayed session file reads and writes only inside its own directory\. If you trust it, allow the directory: klayers replay FILE --allow-path .+ \(or --allow-any-path\)\.$/);
  assert.match(r.stdout, /^Error: '\.\.\/outside\/secret\.csv' is outside /m);
  assert.doesNotMatch(r.stdout, /at .+\.js:\d+/);
  assert.deepEqual(tree(root), before, 'nothing was written');
  // A symlink inside the tree that leads out of it counts where it leads.
  symlinkSync(outside, join(dir, 'link'));
  const viaLink = join(dir, 'link.klayers');
  writeFileSync(viaLink, 'klayers> load link/secret.csv target=y\n');
  const linked = klayersIn(root, ['replay', viaLink]);
  assert.equal(linked.status, 1);
  assert.match(linked.stdout, /^Error: 'link\/secret\.csv' is outside /m);
  // Allowed on the command line, the same file runs.
  const allowed = klayersIn(root, ['replay', file, '--allow-path', outside]);
  assert.equal(allowed.status, 0, allowed.stdout);
  assert.ok(existsSync(join(outside, 'x.py')) && existsSync(join(outside, 'm', 'model.json')));
  const any = klayersIn(root, ['replay', viaLink, '--allow-any-path']);
  assert.equal(any.status, 0, any.stdout);
});

test('typed (piped) commands are the user\'s own: they reach any path', () => {
  const root = project();
  const cwd = join(root, 'data');
  const r = klayersIn(cwd, ['replay', '-'], `load ${join(root, 'data', 't.csv')} target=y\nDense(1)\nexport json ../out.json\n`);
  assert.equal(r.status, 0, r.stdout);
  assert.ok(readFileSync(join(root, 'out.json'), 'utf8').includes('"class_name"'));
});

test('load model refuses a weights file that is a symlink out of the model directory', () => {
  const root = project();
  const run = klayersIn(root, ['replay', '-'], 'Input(shape=(2,))\nDense(1)\nsave model m\n');
  assert.equal(run.status, 0, run.stdout);
  const weights = JSON.parse(readFileSync(join(root, 'm', 'model.json'), 'utf8')).weightsManifest[0].paths[0] as string;
  const secret = join(root, 'secret.bin');
  writeFileSync(secret, readFileSync(join(root, 'm', weights)));
  spawnSync('rm', [join(root, 'm', weights)]);
  symlinkSync(secret, join(root, 'm', weights));
  const r = klayersIn(root, ['replay', '-'], 'load model m\n');
  assert.equal(r.status, 1);
  assert.match(r.stdout, new RegExp(`^Error: The weights file '${weights}' in '.+' is a link to ${secret}, outside the model directory; klayers does not follow it\\. Copy the weights into the model directory\\.$`, 'm'));
});
