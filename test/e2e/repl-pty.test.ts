/**
 * The built `klayers repl` in a real pseudo-terminal (80×24): keys typed as a person types them,
 * the screen read back through a small terminal model. Needs `npx tsc -p .` first (npm test does).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { promptRow, startRepl as start, type ReplTerminal } from './repl-pty.js';

const started: ReplTerminal[] = [];
/** Every REPL a test starts is killed at the end, even when the test fails half-way. */
function startRepl(historyFile?: string): ReplTerminal {
  const t = start(historyFile);
  started.push(t);
  return t;
}
after(() => {
  for (const t of started) {
    try {
      t.pty.kill();
    } catch {
      // already gone
    }
  }
});

const UP = '\x1b[A';
const CTRL_C = '\x03';
const CTRL_D = '\x04';
const CTRL_U = '\x15';

test('a command with Enter, a summary at 80 columns, ↑ recalls, and history outlives the session', async () => {
  const t = startRepl();
  await t.waitFor('klayers>');
  t.type('Input(shape=(4,))\r');
  await t.waitFor('Input (None, 4)');
  t.type("Dense(8, activation='relu')\r");
  await t.waitFor('Added 1 dense (Dense) -> (None, 8), 40 params');
  t.type('summary\r');
  const screen = await t.waitFor(/Non-trainable params: 0 \(0\.00 B\)\nklayers>\n.*40 params · backend/);
  assert.match(screen, /\[3\] klayers> summary\nModel: "sequential"\n┏━+┳━+┳━+┓\n/);
  assert.ok(screen.split('\n').every((row) => row.length <= 80));
  t.type(UP);
  await t.waitFor((s) => promptRow(s) === 'klayers> summary');
  t.type(UP);
  await t.waitFor((s) => promptRow(s) === "klayers> Dense(8, activation='relu')");
  t.type(CTRL_U + CTRL_D);
  await t.waitFor('Leave with 2 unsaved changes? (y/n)');
  t.type('y');
  assert.equal(await t.exited, 0);
  assert.equal(readFileSync(t.historyFile, 'utf8'), "Input(shape=(4,))\nDense(8, activation='relu')\nsummary\n");

  const again = startRepl(t.historyFile);
  await again.waitFor('klayers>');
  again.type(UP);
  await again.waitFor((s) => promptRow(s) === 'klayers> summary');
  again.type(CTRL_C + CTRL_D);
  assert.equal(await again.exited, 0, 'nothing changed: leaves without asking');
});

test('Tab completes a layer name and an argument; a second Tab lists the choices', async () => {
  const t = startRepl();
  await t.waitFor('klayers>');
  t.type('Den\t');
  await t.waitFor((s) => promptRow(s) === 'klayers> Dense');
  t.type(CTRL_U + 'Dense(4, act\t');
  await t.waitFor((s) => promptRow(s) === 'klayers> Dense(4, activ');
  t.type('\t');
  const listed = await t.waitFor(/activation=\s+activity_regularizer=/);
  assert.match(listed, /klayers> Dense\(4, activ\nactivation=\s+activity_regularizer=\n/);
  t.type('a\t');
  // The prompt row and the hint under it are drawn in one frame or two: wait for both.
  const done = await t.waitFor((s) => promptRow(s) === 'klayers> Dense(4, activation=' && /\nDense\(units, activation=/.test(s));
  assert.ok(!/activity_regularizer=\n/.test(done), 'typing hides the list');
  t.type(CTRL_C + CTRL_D);
  assert.equal(await t.exited, 0);
});

test('a call left open continues on a ...> line; Ctrl-C clears a half-typed line', async () => {
  const t = startRepl();
  await t.waitFor('klayers>');
  t.type('Dense(\r');
  await t.waitFor((s) => promptRow(s) === '   ...>');
  t.type('4)\r');
  const screen = await t.waitFor('Added 1 dense (Dense)');
  assert.match(screen, /\[1\] klayers> Dense\(\n {7}\.\.\.> 4\)\nAdded 1 dense/);
  t.type('Dense(8, act');
  await t.waitFor((s) => promptRow(s) === 'klayers> Dense(8, act');
  t.type(CTRL_C);
  await t.waitFor((s) => promptRow(s) === 'klayers>');
  t.type('exit\r');
  await t.waitFor('Leave with 1 unsaved change? (y/n)');
  t.type('n');
  await t.waitFor((s) => promptRow(s) === 'klayers>' && !s.includes('Leave with'));
  t.type(CTRL_D);
  await t.waitFor('Leave with 1 unsaved change? (y/n)');
  t.type('y');
  assert.equal(await t.exited, 0);
});
