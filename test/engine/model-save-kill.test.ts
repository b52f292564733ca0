import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelFilesApi } from '../../src/engine/io/model-files.js';

/** Run from dist/test/, the fixture is compiled beside this file; from test/, tsx runs its source. */
const COMPILED = import.meta.url.endsWith('.js');
const FIXTURE = fileURLToPath(new URL(`./fixtures/kill-mid-save.${COMPILED ? 'js' : 'ts'}`, import.meta.url));

function save(dir: string, units: number, kill = false) {
  return spawnSync(process.execPath, [...(COMPILED ? [] : ['--import', 'tsx']), FIXTURE, dir, String(units), kill ? 'kill' : ''], { encoding: 'utf8', timeout: 60_000 });
}

/** The kernel's output size as model.json and its weights file say, read as load model reads them. */
async function savedUnits(dir: string): Promise<number> {
  const contents = await modelFilesApi.read(dir);
  return contents.weights[0]!.shape[1]!;
}

test('save model killed between the weights and model.json keeps the previous model whole; the next save cleans up', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'klayers-kill-')), 'm');
  assert.equal(save(dir, 2).status, 0);
  assert.deepEqual(readdirSync(dir).sort(), ['model.json', 'weights.bin']);
  const before = readFileSync(join(dir, 'model.json'), 'utf8');

  const killed = save(dir, 5, true);
  assert.equal(killed.signal, 'SIGKILL');
  // The previous model, json and weights that belong together, still loads.
  assert.equal(readFileSync(join(dir, 'model.json'), 'utf8'), before);
  assert.equal(await savedUnits(dir), 2);
  const left = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
  assert.equal(left.length, 1, `the killed write left its model.json temp file: ${readdirSync(dir).join(', ')}`);

  // The next save switches to the new model in one rename and removes what the killed one left.
  assert.equal(save(dir, 4).status, 0);
  assert.equal(await savedUnits(dir), 4);
  assert.deepEqual(readdirSync(dir).sort(), ['model.json', 'weights.1.bin']);
  // And the one after goes back to weights.bin, removing weights.1.bin.
  assert.equal(save(dir, 3).status, 0);
  assert.equal(await savedUnits(dir), 3);
  assert.deepEqual(readdirSync(dir).sort(), ['model.json', 'weights.bin']);
});

test('temp files of ended processes are removed by the next write in their directory; a running one\'s are kept', async () => {
  const { writeFileAtomic } = await import('../../src/fs/atomic-write.js');
  const dir = mkdtempSync(join(tmpdir(), 'klayers-stale-'));
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(join(dir, `.weights.bin.${ended}-0123456789ab.tmp`), 'half a model');
  writeFileSync(join(dir, `.model.json.${process.ppid}-0123456789ab.tmp`), 'being written');
  writeFileSync(join(dir, 'notes.tmp'), 'the user\'s own');
  await writeFileAtomic(join(dir, 'a.json'), '{}');
  assert.deepEqual(readdirSync(dir).sort(), [`.model.json.${process.ppid}-0123456789ab.tmp`, 'a.json', 'notes.tmp']);
});
