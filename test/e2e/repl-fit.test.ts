/**
 * `fit` in the built `klayers repl` in an 80×24 pseudo-terminal: the live view while it trains,
 * Ctrl-C to stop it, the prompt back with the epochs kept. Needs `npx tsc -p .` first (npm test does).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRepl, type ReplTerminal } from './repl-pty.js';

let repl: ReplTerminal | null = null;
after(() => {
  try {
    repl?.pty.kill();
  } catch {
    // already gone
  }
});

test('fit shows the live curves and bar; Ctrl-C stops it at an epoch, keeps the history, and the prompt returns', async () => {
  const t = (repl = startRepl());
  await t.waitFor('klayers>');
  t.type('seed 1\r');
  t.type('load builtin:iris\r');
  t.type("Dense(8, activation='relu')\r");
  t.type("Dense(3, activation='softmax')\r");
  t.type('compile optimizer=adam\r');
  await t.waitFor('[5] klayers> compile', 15_000);
  t.type('fit epochs=200 batch_size=8\r');
  // The view: curves (once an epoch has ended), Epoch k/200, Keras's bar, the stats, the status line.
  // A frame can show the status line before the new epoch's bar (its first batch not yet drawn): wait for the whole view.
  const bar = /\n {0,2}\d+\/15 [━─]{20} \d+s \d+(ms|us)\/step - accuracy: \d\.\d{4}(?:e[+-]\d\d)? - loss: \d\.\d{4}(?:e[+-]\d\d)?\n[\d,]+ samples\/s · ETA [\d:]+s? · best val_loss \d\.\d{4} \(epoch \d+\)\n.*· training…/;
  const live = await t.waitFor((s) => s.includes('── loss   ┄┄ val_loss') && /Epoch \d+\/200 · p pause · Ctrl-C stop/.test(s) && bar.test(s), 20_000);
  assert.match(live, bar);
  assert.match(live, /^ *\d\.\d{4} ┼/m, 'y-axis labels');
  assert.ok(live.split('\n').every((row) => row.length <= 80));
  t.type('\x03');
  const stopped = await t.waitFor(/Stopped in epoch \d+\/200 after step \d+\/15; the weights and the history so far are\s+kept\.[\s\S]*\nklayers>\n/, 20_000);
  const epoch = Number(/Stopped in epoch (\d+)\/200/.exec(stopped)![1]);
  assert.ok(epoch >= 1 && epoch < 200, `stopped at ${epoch}`);
  assert.doesNotMatch(stopped, /training…|Ctrl-C stop/, 'the live view is gone');
  t.type('history\r');
  await t.waitFor(`History: 1 fit, ${epoch} ${epoch === 1 ? 'epoch' : 'epochs'}.`);
  t.type('\x04');
  await t.waitFor('Leave with');
  t.type('y');
  assert.equal(await t.exited, 0);
});
