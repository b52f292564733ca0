import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyEntry, historyPath, HistoryStore, HISTORY_LIMIT } from '../../src/ui/history-store.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'klayers-history-')), 'sub', 'history');

test('commands appended in one run are loaded, in order, by the next', () => {
  const path = tempFile();
  const first = new HistoryStore(path);
  assert.deepEqual(first.load(), [], 'a missing file is an empty history');
  first.append('Input(shape=(4,))');
  first.append('Dense(8)');
  first.append('   ');
  assert.deepEqual(new HistoryStore(path).load(), ['Input(shape=(4,))', 'Dense(8)']);
  assert.equal(readFileSync(path, 'utf8'), 'Input(shape=(4,))\nDense(8)\n');
});

test('only the newest HISTORY_LIMIT entries are loaded', () => {
  const path = tempFile();
  const store = new HistoryStore(path);
  store.append('x');
  writeFileSync(path, Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => `Dense(${i})`).join('\n') + '\n');
  const loaded = store.load();
  assert.equal(loaded.length, HISTORY_LIMIT);
  assert.equal(loaded[0], 'Dense(5)');
});

test('an unwritable history does not throw', () => {
  const blocker = join(mkdtempSync(join(tmpdir(), 'klayers-history-')), 'a-file');
  writeFileSync(blocker, '');
  const store = new HistoryStore(join(blocker, 'history'));
  assert.doesNotThrow(() => store.append('summary'));
});

test('KLAYERS_HISTORY chooses the file', () => {
  assert.equal(historyPath({ KLAYERS_HISTORY: '/tmp/h' }), '/tmp/h');
});

// The XDG Base Directory layout: $XDG_DATA_HOME/klayers/history, else ~/.local/share/klayers/history.
// Exact paths: a file anywhere under the home folder (a project inside ~, say) must not pass.
test('otherwise it lives in the per-user data directory, never inside a project', { skip: process.platform !== 'linux' && 'the XDG layout is Linux\'s' }, () => {
  const saved = process.env['XDG_DATA_HOME'];
  try {
    process.env['XDG_DATA_HOME'] = '/srv/xdg-data';
    assert.equal(historyPath({}), '/srv/xdg-data/klayers/history');
    delete process.env['XDG_DATA_HOME'];
    assert.equal(historyPath({}), join(homedir(), '.local', 'share', 'klayers', 'history'));
  } finally {
    if (saved === undefined) delete process.env['XDG_DATA_HOME'];
    else process.env['XDG_DATA_HOME'] = saved;
  }
});

test('a command typed over several lines is one history entry', () => {
  assert.equal(historyEntry(['Dense(', '4)']), 'Dense( 4)');
  assert.equal(historyEntry(['add \\', 'Dense(4)']), 'add  Dense(4)');
});
