import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../../src/journal/journal.js';
import { findResumable, journalDir, journalName, pruneJournals } from '../../src/journal/paths.js';
import { readCheckpoint, writeCheckpoint } from '../../src/journal/checkpoint.js';
import { parseSessionFile } from '../../src/session-file/read.js';
import { message } from '../../src/render/blocks.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'klayers-journal-'));

test('each appended command is on disk at once, and the journal reads back as a session file', () => {
  const dir = tmp();
  const journal = Journal.create(dir, new Date('2025-05-01T10:00:00Z'), 4242);
  assert.equal(journal.path, join(dir, '2025-05-01T10-00-00-000Z-4242.klayers'));
  journal.append({ source: 'Input(shape=(4,))', blocks: [message('Input (None, 4)')], columns: 80 });
  journal.append({ source: 'Dense(8,\n  activation="relu")', blocks: [], columns: 80 });
  // Not closed: what a kill -9 leaves.
  const cells = parseSessionFile(readFileSync(journal.path, 'utf8')).cells;
  assert.deepEqual(cells.map((c) => [c.command, c.output]), [['Input(shape=(4,))', ['Input (None, 4)']], ['Dense(8,\n  activation="relu")', []]]);
  journal.close();
});

test('KLAYERS_JOURNAL chooses the directory', () => {
  assert.equal(journalDir({ KLAYERS_JOURNAL: '/x/y' }), '/x/y');
  assert.match(journalDir({}), /klayers[/\\]journal$/);
});

test('--resume takes the newest journal with commands whose process has ended', () => {
  const dir = tmp();
  const cell = '# header\n\nklayers> layers\n\n';
  const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
  writeFileSync(join(dir, journalName(new Date('2025-01-01T00:00:00Z'), dead)), cell);
  writeFileSync(join(dir, journalName(new Date('2025-01-02T00:00:00Z'), dead + 1)), cell);
  writeFileSync(join(dir, journalName(new Date('2025-01-03T00:00:00Z'), dead + 2)), '# header only: nothing to restore\n');
  writeFileSync(join(dir, journalName(new Date('2025-01-04T00:00:00Z'), process.ppid)), cell); // a live session
  writeFileSync(join(dir, journalName(new Date('2025-01-05T00:00:00Z'), process.pid)), cell); // this one
  assert.equal(findResumable(dir), join(dir, journalName(new Date('2025-01-02T00:00:00Z'), dead + 1)));
});

test('old journals of ended sessions are pruned with their checkpoints; live ones are kept', () => {
  const dir = tmp();
  const dead = 2 ** 22 + 777;
  for (let day = 1; day <= 4; day++) writeFileSync(join(dir, journalName(new Date(`2025-01-0${day}T00:00:00Z`), dead)), 'klayers> layers\n');
  writeFileSync(join(dir, journalName(new Date('2024-12-31T00:00:00Z'), process.pid)), 'klayers> layers\n');
  pruneJournals(dir, 2);
  assert.deepEqual(readdirSync(dir).sort(), [journalName(new Date('2024-12-31T00:00:00Z'), process.pid), journalName(new Date('2025-01-03T00:00:00Z'), dead), journalName(new Date('2025-01-04T00:00:00Z'), dead)].sort());
});

test('a checkpoint reads back exactly; the json always names a complete weights file', async () => {
  const dir = tmp();
  const plan = { name: 'sequential', inputShape: [null, 2], inputDtype: 'float32', layers: [] };
  const layers = [{ name: 'dense', trainable: true, shapes: [[2, 3], [3]] }];
  const first = [Float32Array.from([1, 2, 3, 4, 5, 6]), Float32Array.from([0.5, -0.5, 1e-7])];
  await writeCheckpoint(dir, { info: { cell: 4, epoch: 0, fitEpoch: 1, fitEpochs: 9, plan, layers }, arrays: first });
  const second = [Float32Array.from([6, 5, 4, 3, 2, 1]), Float32Array.from([0, 0, 1])];
  await writeCheckpoint(dir, { info: { cell: 4, epoch: 1, fitEpoch: 2, fitEpochs: 9, plan, layers }, arrays: second });
  const read = await readCheckpoint(dir);
  assert.equal(read?.info.fitEpoch, 2);
  assert.deepEqual(read?.arrays, second);
  // Only the newest weights file is left, and no temp files.
  assert.deepEqual(readdirSync(dir).filter((n) => n !== 'checkpoint.json').length, 1);
  assert.equal(readdirSync(dir).some((n) => n.endsWith('.tmp')), false);
  assert.equal(await readCheckpoint(join(dir, 'missing')), null);
});

test('a checkpoint whose weights file is cut short is refused, not half-loaded', async () => {
  const dir = tmp();
  const plan = { name: 'sequential', inputShape: [null, 2], inputDtype: 'float32', layers: [] };
  await writeCheckpoint(dir, { info: { cell: 1, epoch: 0, fitEpoch: 1, fitEpochs: 1, plan, layers: [{ name: 'd', trainable: true, shapes: [[4]] }] }, arrays: [new Float32Array(4)] });
  const bin = readdirSync(dir).find((n) => n.endsWith('.bin'))!;
  writeFileSync(join(dir, bin), new Uint8Array(7));
  await assert.rejects(readCheckpoint(dir), /has 7 bytes; the checkpoint describes 16/);
  assert.ok(existsSync(join(dir, 'checkpoint.json')));
});
