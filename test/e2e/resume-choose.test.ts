import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { klayers } from './cli.js';

const ids = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.klayers')).sort().map((n) => n.replace(/\.klayers$/, ''));

test('two ended REPLs in one HOME: --resume lists both, --resume ID restores the one chosen, and neither is lost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-choose-'));
  const env = { KLAYERS_JOURNAL: dir };
  assert.equal(klayers(['repl'], 'Input(shape=(2,))\nDense(3)\n', env).status, 0);
  assert.equal(klayers(['repl'], 'Input(shape=(5,))\nDense(7)\nlayers\n', env).status, 0);
  const [first, second] = ids(dir) as [string, string];

  const list = klayers(['repl', '--resume'], 'layers\n', env);
  assert.equal(list.status, 2, list.stderr);
  const lines = list.stdout.trimEnd().split('\n');
  assert.equal(lines[0], '2 ended sessions can be resumed (newest first):');
  assert.match(lines[1]!, new RegExp(`^ {2}${second} {2}last command \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: 3 commands; Added 1 dense \\(Dense\\) -> \\(None, 7\\); last: layers$`));
  assert.match(lines[2]!, new RegExp(`^ {2}${first} {2}last command .*: 2 commands; Added 1 dense \\(Dense\\) -> \\(None, 3\\); last: Dense\\(3\\)$`));
  assert.match(lines[3]!, /^Resume one with: klayers repl --resume ID \(the id above, its start such as \d{4}-\d\d-\d\d, or its process id \d+\)\.$/);
  assert.deepEqual(ids(dir), [first, second], 'listing started no session');

  // The older one, by its process id.
  const pid = first.split('-').at(-1)!;
  const resumed = klayers(['repl', '--resume', pid], 'layers\n', env);
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.equal(resumed.stdout.split('\n')[0], `Resumed the session journaled in ${join(dir, `${first}.klayers`)}:`);
  assert.match(resumed.stdout, /\(None, 3\)/);

  // The first is now inside the resumed session's journal; the second is still offered.
  const again = klayers(['repl', '--resume'], '', env);
  assert.equal(again.status, 2);
  const offered = again.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(' ')[0]);
  assert.equal(offered.length, 2);
  assert.ok(offered.includes(second) && !offered.includes(first), again.stdout);

  const unknown = klayers(['repl', '--resume', 'nope'], '', env);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^klayers: no ended session has the id nope; these can be resumed \(newest first\):\n/);
});
