import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, klayers } from './cli.js';
import { maskVolatile } from '../../src/session-file/mask.js';

const SETUP = ['seed 42', 'load builtin:iris', "Dense(16, activation='relu')", "Dense(3, activation='softmax')", 'compile optimizer=adam metrics=[accuracy]'];

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const evaluation = (stdout: string) => maskVolatile(stdout.split('\n').find((l) => l.includes('- loss:')) ?? '');

test('kill -9 in the middle of a fit, then repl --resume: layers, compile, data and the last epoch\'s weights come back', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-kill-'));
  const env = { ...process.env, COLUMNS: '80', NO_COLOR: '1', KLAYERS_JOURNAL: dir };
  // A piped session (stdin not a terminal) with a fit far too long to finish.
  const child = spawn(process.execPath, [`${ROOT}bin/klayers.js`, 'repl', '--backend', 'cpu'], { cwd: ROOT, env, stdio: ['pipe', 'ignore', 'ignore'] });
  child.stdin.end([...SETUP, 'fit epochs=100000 verbose=0', ''].join('\n'));
  // The epoch of the newest checkpoint on disk (its json is renamed into place whole), or 0.
  const checkpointEpoch = () =>
    Math.max(0, ...readdirSync(dir).filter((n) => n.endsWith('.checkpoint') && existsSync(join(dir, n, 'checkpoint.json')))
      .map((n) => (JSON.parse(readFileSync(join(dir, n, 'checkpoint.json'), 'utf8')) as { fitEpoch: number }).fitEpoch));
  try {
    // A few checkpoints, each over the one before: the newest must win.
    await waitFor(() => checkpointEpoch() >= 3, 60_000, 'the checkpoint after epoch 3');
  } finally {
    child.kill('SIGKILL');
  }
  await new Promise((r) => child.once('exit', r));
  assert.equal(child.signalCode, 'SIGKILL');

  const resumed = klayers(['repl', '--resume', '--backend', 'cpu'], 'layers\nevaluate\n', { KLAYERS_JOURNAL: dir });
  assert.equal(resumed.status, 0, resumed.stderr);
  const lines = resumed.stdout.split('\n');
  assert.match(lines[0]!, new RegExp(`^Resumed the session journaled in ${dir}/[\\dT-]+Z-${child.pid}\\.klayers:$`));
  assert.equal(lines[1], '  commands replayed: 5');
  assert.equal(lines[2], "  model 'sequential': 2 layers (dense, dense_1), 131 params");
  assert.match(lines[3]!, /^ {2}compile: model\.compile\(optimizer=Adam\(learning_rate=0\.001, .*\), loss='categorical_crossentropy', metrics=\['accuracy'\]\)$/);
  assert.equal(lines[4], '  data: builtin:iris (150 rows)');
  const epoch = /^ {2}weights: the checkpoint after epoch (\d+)\/100000 of the last fit \(.*\); the optimizer starts fresh$/.exec(lines[5]!);
  assert.ok(epoch, lines[5]);

  // The same session run to exactly that epoch, without a kill, evaluates the same.
  const reference = klayers(['replay', '-', '--backend', 'cpu'], [...SETUP, `fit epochs=${epoch[1]} verbose=0`, 'evaluate', ''].join('\n'));
  assert.equal(reference.status, 0, reference.stderr);
  assert.notEqual(evaluation(reference.stdout), '');
  assert.equal(evaluation(resumed.stdout), evaluation(reference.stdout));

  // The resumed session journals too: it is the newest journal now, with its own checkpoint.
  const journals = readdirSync(dir).filter((n) => n.endsWith('.klayers')).sort();
  assert.equal(journals.length, 2);
  assert.ok(existsSync(join(dir, journals[1]!.replace('.klayers', '.checkpoint'), 'checkpoint.json')));
});

test('repl --resume with nothing to resume says so and starts fresh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-kill-'));
  const r = klayers(['repl', '--resume'], 'layers\n', { KLAYERS_JOURNAL: dir });
  assert.equal(r.status, 0);
  assert.equal(r.stdout.split('\n')[0], `Nothing to resume: no journal of an ended session in ${dir}. Starting fresh.`);
});
