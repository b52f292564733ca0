/**
 * The same session typed into the REPL and replayed with `klayers replay` prints the same
 * output blocks. Only the echo of each command differs (`[3] klayers> ` against `klayers> `), and
 * the REPL wraps prose wider than the terminal under its indentation (wrapIndented) where a
 * transcript keeps one long line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { createContext } from '../../src/commands/context.js';
import { App } from '../../src/ui/components/App.js';
import { wrapIndented } from '../../src/ui/wrap.js';
import { plain, waitForFrame } from '../ui/render-helpers.js';
import { klayers } from './cli.js';

const SESSION = [
  'Input(shape=(28, 28, 1))',
  "Conv2D(8, (3, 3), activation='relu')",
  'MaxPooling2D((2, 2))',
  'Flatten()',
  'Dense(',
  "    10, activation='softmax')",
  'Dense(3, activation="nope")',
  'insert 4 Dropout(0.5)',
  'layers',
  'summary',
  'Dense(4))',
  'undo',
  'help add',
  'summary style=keras2',
];
const COMMANDS = 13; // logical commands above (Dense( … ) is one)

/**
 * Output lines only: no command echoes, no welcome, no live prompt or status line; trailing
 * spaces dropped (a screen cannot show them; Keras 2's table pads its rows with them).
 */
const outputOf = (lines: readonly string[], echo: RegExp) => lines.filter((l) => !echo.test(l)).map((l) => l.trimEnd());

test('typed in the REPL and replayed: the same output blocks', async () => {
  const r = render(<App ctx={createContext({ columns: 100 })} />);
  for (const line of SESSION) r.stdin.write(line + '\r');
  const frame = await waitForFrame(r.lastFrame, (f) => f.includes(`[${COMMANDS}] klayers> summary style=keras2`) && /Non-trainable params: 0 \(0\.00 Byte\)\n_+\nklayers>/.test(f), 30_000);
  r.unmount();
  const typed = frame.split('\n');
  const prompt = typed.lastIndexOf('klayers>');
  const repl = outputOf(typed.slice(1, prompt), /^(\[\d+\] klayers> | +\.\.\.> )/);

  const replayed = klayers(['replay', '--keep-going', '-'], SESSION.join('\n') + '\n', { COLUMNS: '100' });
  const script = outputOf(wrapIndented(plain(replayed.stdout).trimEnd(), 100).split('\n'), /^(klayers> | {3}\.\.\.> )/);
  assert.ok(script.some((l) => l.startsWith('Error: ')), 'the session includes errors');
  assert.ok(script.some((l) => l.startsWith('Model: "sequential"')), 'and a summary');
  assert.deepEqual(repl, script);
});
