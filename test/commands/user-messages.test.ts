import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../src/commands/context.js';
import { createSession } from '../../src/session/klayers-session.js';
import { UserError } from '../../src/core/user-error.js';
import { fileError } from '../../src/fs/file-errors.js';
import { run } from '../helpers/run.js';
import { stubEngine } from '../helpers/stub-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'klayers-messages-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const fresh = () => createContext({ columns: 100, session: createSession({ engine: stubEngine() }), baseDir: dir });

async function refused(lines: readonly string[]): Promise<string> {
  const ctx = fresh();
  for (const line of lines.slice(0, -1)) assert.ok((await run(ctx, line)).ok, line);
  const r = await run(ctx, lines.at(-1)!);
  assert.equal(r.ok, false, r.text);
  assert.doesNotMatch(r.text, /Internal error|\{"kind"|\[object Object\]|\bE[A-Z]{4,}\b/);
  return r.text;
}

test('a bad value is shown as the user wrote it, in Python', async () => {
  assert.match(await refused(['fit epochs=inf']), /epochs=inf\b/);
  assert.match(await refused(['fit verbose=()']), /verbose=\(\)/);
  assert.match(await refused(['compile loss=Conv2D(65)']), /loss=Conv2D\(65\)/);
  assert.match(await refused(['seed Flatten()']), /seed=Flatten\(\)/);
  assert.match(await refused(['load Dense(4)']), /load=Dense\(4\)/);
  assert.match(await refused(['load builtin:iris', 'split stratify=keras.layers.Dense(Adam(False))']), /stratify=keras\.layers\.Dense\(Adam\(False\)\)/);
  assert.match(await refused(['input (3,)', 'insert Dense(2)']), /got Dense\(2\)/);
  assert.match(await refused(['backend Flatten()']), /Unknown backend: Flatten\(\)/);
  assert.match(await refused(['summary batch_size=[34, (True,)]']), /batch_size=\[34, \(True,\)\]/);
  assert.match(await refused(['summary style=Dense(None)']), /style=Dense\(None\)/);
  assert.match(await refused(["save session 'a b'"]), /Received: 'a b'/);
  assert.match(await refused(['keras.Sequential(Dense(2), f(1))']), /name=f\(1\)/);
});

test('a file that cannot be written names the path and what to do', async () => {
  assert.match(await refused(['input (3,)', 'Dense(2)', 'export json .']), /\. is a directory, not a file/);
  assert.match(await refused(['input (3,)', 'Dense(2)', 'export json nodir/m.json']), /Cannot write nodir\/m\.json: its directory does not exist/);
  assert.match(await refused(['input (3,)', 'Dense(2)', `export keras ${'a'.repeat(300)}.py`]), /The path is too long: a+…a+\.py/);
  assert.match(await refused(['input (3,)', `save session ${'s'.repeat(300)}`]), /The path is too long: .*sessions\/s+…s+\.klayers/);
  writeFileSync(join(dir, 'plain'), '');
  assert.match(await refused(['input (3,)', 'Dense(2)', 'export json plain/m.json']), /plain\/m\.json is not a valid path: a part of it is a file/);
});

test('every file-system error code becomes one line naming the path', () => {
  const fail = (code: string, syscall = 'open') => Object.assign(new Error(`${code}: oops, open '/x/.m.json.0123456789ab.tmp'`), { code, syscall, path: '/x/.m.json.0123456789ab.tmp' });
  const cases: [unknown, RegExp][] = [
    [fileError(fail('EACCES'), 'data.csv', 'read'), /^Permission denied: cannot read data\.csv$/],
    [fileError(fail('EACCES')), /^Permission denied: cannot write \/x\/m\.json$/],
    [fileError(fail('EISDIR'), 'out', 'write'), /^out is a directory, not a file\.$/],
    [fileError(fail('ENOENT', 'stat'), 'gone.csv'), /^No such file or directory: gone\.csv$/],
    [fileError(fail('EEXIST', 'mkdir'), 'd'), /^d already exists\.$/],
    [fileError(fail('ENOSPC'), 'big', 'write'), /^No space left to write big$/],
  ];
  for (const [err, message] of cases) {
    assert.ok(err instanceof UserError, String(err));
    assert.match(err.message, message);
    assert.ok(err.hint);
  }
  const other = new Error('not a file problem');
  assert.equal(fileError(other, 'x', 'read'), other);
});

test('a device, a pipe and a file without line breaks are named for what they are', async () => {
  assert.match(await refused(['load /dev/zero']), /\/dev\/zero is not a regular file \(a device, pipe or socket\)/);
  execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
  assert.match(await refused([`load ${join(dir, 'pipe.csv')}`]), /pipe\.csv is not a regular file/);
  writeFileSync(join(dir, 'wide.csv'), Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(','));
  assert.match(await refused([`load ${join(dir, 'wide.csv')}`]), /wide\.csv: line 1 is longer than 64 KB/);
});
