import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_WRITE_OPS, writeFileAtomic, writeFilesAtomic, type WriteOps } from '../../src/fs/atomic-write.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'klayers-atomic-'));

test('writes the file and leaves no temp file behind', async () => {
  const dir = fresh();
  await writeFileAtomic(join(dir, 'a.txt'), 'hello');
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), 'hello');
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});

test('a write failing half way leaves the old files whole and no temp files', async () => {
  const dir = fresh();
  writeFileSync(join(dir, 'weights.bin'), 'old weights');
  writeFileSync(join(dir, 'model.json'), 'old json');
  let opened = 0;
  // The second file's write fails after the first temp file was written completely.
  const failing: WriteOps = {
    ...NODE_WRITE_OPS,
    async open(path, flags) {
      opened += 1;
      const handle = await NODE_WRITE_OPS.open(path, flags);
      if (opened === 2) {
        await handle.writeFile('half');
        await handle.close();
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return handle;
    },
  };
  await assert.rejects(
    writeFilesAtomic([{ path: join(dir, 'weights.bin'), data: 'new weights' }, { path: join(dir, 'model.json'), data: 'new json' }], failing),
    /ENOSPC/,
  );
  assert.equal(readFileSync(join(dir, 'weights.bin'), 'utf8'), 'old weights');
  assert.equal(readFileSync(join(dir, 'model.json'), 'utf8'), 'old json');
  assert.deepEqual(readdirSync(dir).sort(), ['model.json', 'weights.bin']);
});

test('an unwritable directory fails without touching the target', { skip: process.getuid?.() === 0 ? 'root ignores permissions' : false }, async () => {
  const dir = fresh();
  writeFileSync(join(dir, 'model.json'), 'old');
  chmodSync(dir, 0o500);
  try {
    await assert.rejects(writeFileAtomic(join(dir, 'model.json'), 'new'), /EACCES/);
    assert.equal(readFileSync(join(dir, 'model.json'), 'utf8'), 'old');
  } finally {
    chmodSync(dir, 0o700);
  }
});
