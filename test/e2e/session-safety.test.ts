import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { klayers } from './cli.js';

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

test("a session file's paths resolve beside it: ../../etc/passwd leaves its directory, and is refused cleanly", () => {
  const root = mkdtempSync(join(tmpdir(), 'klayers-safety-'));
  const dir = join(root, 'a', 'b', 'c');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 's.klayers'), 'klayers> load ../../etc/passwd\n');
  const before = tree(root);
  const r = klayers(['replay', join(dir, 's.klayers')]);
  assert.equal(r.status, 1);
  assert.equal(
    r.stdout,
    `klayers> load ../../etc/passwd\nError: '../../etc/passwd' is outside ${dir}: a replayed session file reads and writes only inside its own directory. If you trust it, allow the directory: klayers replay FILE --allow-path ${join(root, 'a', 'etc')} (or --allow-any-path).\n`,
  );
  assert.deepEqual(tree(root), before, 'replaying wrote nothing');
});

test("a session's data file is found beside the session, wherever klayers runs from", () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-safety-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 't.csv'), 'a,b,y\n1,2,3\n2,3,5\n3,4,7\n4,5,9\n5,6,11\n');
  writeFileSync(join(dir, 's.klayers'), 'klayers> load data/t.csv target=y\n');
  const r = klayers(['replay', join(dir, 's.klayers')]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /^Loaded data\/t\.csv: 5 rows, 3 columns/m);
});

test('a Lambda that tries to reach Python is refused; the session stays as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-safety-'));
  const file = join(dir, 'evil.klayers');
  writeFileSync(file, ["klayers> Input(shape=(4,))", "klayers> Lambda('__import__(x)')", "klayers> Lambda('x.__class__')", 'klayers> layers', ''].join('\n'));
  const r = klayers(['replay', file, '--keep-going']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^Error: Lambda expression '__import__\(x\)' calls unknown function '__import__'/m);
  assert.match(r.stdout, /^Error: Lambda expression 'x\.__class__' uses attribute access/m);
  assert.match(r.stdout, /^0 {2}input_layer {2}Input\(shape=\(4,\)\) {2}\(None, 4\) {10}0$/m);
  assert.doesNotMatch(r.stdout, /lambda/);
  assert.deepEqual(readdirSync(dir), ['evil.klayers']);
});
