import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/components/App.js';
import { stubContext, typeKeys, waitForFrame, waitUntil } from './render-helpers.js';

/** The App with a stub engine and an in-memory history; keys go in as a terminal sends them. */
function start(history: string[] = []) {
  const saved: string[] = [];
  const interrupts: number[] = [];
  const ctx = stubContext();
  const r = render(<App ctx={ctx} history={{ load: () => [...history], append: (e) => saved.push(e) }} onInterrupt={() => interrupts.push(1)} />);
  const type = (keys: string) => typeKeys(r.stdin, keys);
  const screen = (check: (f: string) => boolean, ms?: number) => waitForFrame(r.lastFrame, check, ms);
  return { r, ctx, saved, interrupts, type, screen };
}

/** The live area: everything from the last prompt (or question) down. */
const liveArea = (frame: string) => frame.slice(frame.lastIndexOf('\nklayers>') + 1);

test('a command and Enter make a numbered cell with its output; the status line follows the model', async () => {
  const { r, type, screen, saved } = start();
  await screen((f) => f.includes('backend cpu'));
  await type('Input(shape=(4,))\r');
  await type('Dense(8)\r');
  const frame = await screen((f) => f.includes('[2] klayers> Dense(8)') && f.includes('40 params ·'));
  assert.match(frame, /\[1\] klayers> Input\(shape=\(4,\)\)\nInput \(None, 4\)\n\[2\] klayers> Dense\(8\)\nAdded 1 dense \(Dense\) -> \(None, 8\), 40 params\n/);
  assert.equal(liveArea(frame), 'klayers>\nsequential · 1 layer · 40 params · backend cpu');
  assert.deepEqual(saved, ['Input(shape=(4,))', 'Dense(8)']);
  r.unmount();
});

test('an unclosed call continues on a `...>` line and runs as one command', async () => {
  const { r, type, screen } = start();
  await type('Dense(\r');
  let frame = await screen((f) => f.includes('   ...>'));
  assert.ok(liveArea(frame).startsWith('klayers> Dense(\n   ...>'), frame);
  await type('4)\r');
  frame = await screen((f) => f.includes('[1] klayers> Dense('));
  assert.match(frame, /\[1\] klayers> Dense\(\n {7}\.\.\.> 4\)\nAdded 1 dense \(Dense\)/);
  r.unmount();
});

test('Ctrl-C clears a half-typed line (and an open call) and reaches onInterrupt', async () => {
  const { r, type, screen, interrupts } = start();
  await type('Dense(\r');
  await type('4, act');
  await screen((f) => f.includes('...> 4, act'));
  await type('\x03');
  const frame = await screen((f) => !f.includes('act'));
  assert.ok(liveArea(frame).startsWith('klayers>\n'), frame);
  assert.equal(interrupts.length, 1);
  r.unmount();
});

test('↑ recalls the previous command from the stored history', async () => {
  const { r, type, screen } = start(['Input(shape=(4,))', 'summary']);
  await type('\x1b[A');
  await screen((f) => f.includes('klayers> summary'));
  await type('\x1b[A');
  await screen((f) => f.includes('klayers> Input(shape=(4,))'));
  r.unmount();
});

test('Ctrl-D with unsaved changes asks once; n stays, y leaves', async () => {
  const { r, type, screen } = start();
  await type('Input(shape=(4,))\r');
  await type('Dense(2)\r');
  await screen((f) => f.includes('[2] klayers> Dense(2)'));
  await type('\x04');
  await screen((f) => f.includes('Leave with 2 unsaved changes? (y/n)'));
  await type('n');
  await screen((f) => !f.includes('Leave with') && liveArea(f).startsWith('klayers>'));
  await type('exit\r');
  await screen((f) => f.includes('Leave with 2 unsaved changes? (y/n)'));
  await type('y');
  const frame = await screen((f) => !f.includes('Leave with') && !f.includes('backend cpu'));
  assert.ok(!frame.includes('\nklayers>'), 'the live prompt is gone');
  r.unmount();
});

test('Ctrl-D on an untouched session leaves without asking', async () => {
  const { r, type, screen } = start();
  await screen((f) => f.includes('backend cpu'));
  await type('\x04');
  // Leaving exits Ink, which turns raw mode off and stops reading stdin; no question was asked.
  await waitUntil(() => r.stdin.listenerCount('readable') === 0, 'the App to exit');
  assert.doesNotMatch(r.lastFrame() ?? '', /Leave with/);
  r.unmount();
});

test('Tab completes a layer name; a second Tab lists the choices', async () => {
  const { r, type, screen } = start();
  await type('Den\t');
  await screen((f) => f.includes('klayers> Dense'));
  await type('\x15MaxPool\t');
  await screen((f) => f.includes('klayers> MaxPooling'));
  await type('\t');
  const frame = await screen((f) => f.includes('MaxPooling1D') && f.includes('MaxPooling2D'));
  assert.match(liveArea(frame), /^klayers> MaxPooling\n.*MaxPooling1D.*MaxPooling2D/);
  r.unmount();
});

test('Tab completes an argument name inside a call, also on a continued line', async () => {
  const { r, type, screen } = start();
  await type('Dense(4, activat\t');
  await screen((f) => f.includes('klayers> Dense(4, activation='));
  await type('\x03Dense(4,\r');
  await type('use_b\t');
  await screen((f) => f.includes('...> use_bias='));
  r.unmount();
});

test('the signature hint shows under the prompt while typing a layer call', async () => {
  const { r, type, screen } = start();
  await type('Dense(4, ');
  const frame = await screen((f) => f.includes('Dense(units'));
  const lines = liveArea(frame).split('\n');
  assert.equal(lines[0], 'klayers> Dense(4,');
  assert.ok(lines[1]!.startsWith('Dense(units, activation='), lines[1]);
  r.unmount();
});

test('a loading CSV shows its progress line above the prompt, gone once the load is done', async () => {
  process.env['KLAYERS_PROGRESS_MS'] = '0';
  const { tmpFile } = await import('../data/tmp-files.js');
  const body = Array.from({ length: 150_000 }, (_, i) => `${i % 97},${(i * 7) % 13},${i % 2}`).join('\n');
  const path = tmpFile('ui-progress.csv', `a,b,y\n${body}\n`);
  const { r, type, screen } = start();
  await type(`load ${path} target=y\r`);
  const during = await screen((f) => /Reading .*ui-progress\.csv: \d+% of \d\.\d MB/.test(f));
  assert.match(during, /\[1\] klayers> load .*ui-progress\.csv target=y\nReading .*ui-progress\.csv: \d+% of \d\.\d MB \([\d.]+ s\)\nklayers>/);
  const after = await screen((f) => f.includes('Split: train'), 20_000);
  assert.doesNotMatch(after, /Reading /);
  r.unmount();
  delete process.env['KLAYERS_PROGRESS_MS'];
});

test('Ctrl-C during a load stops it; the data set stays as it was', async () => {
  process.env['KLAYERS_PROGRESS_MS'] = '0';
  const { tmpFile } = await import('../data/tmp-files.js');
  const body = Array.from({ length: 600_000 }, (_, i) => `${i % 97},${(i * 7) % 13},${i % 2}`).join('\n');
  const path = tmpFile('ui-cancel.csv', `a,b,y\n${body}\n`);
  const { r, type, screen } = start();
  await type(`load ${path} target=y\r`);
  await screen((f) => /Reading .*ui-cancel\.csv: \d+% of/.test(f));
  await type('\x03');
  const frame = await screen((f) => f.includes('Stopped loading'), 20_000);
  assert.match(frame, /Error: Stopped loading .*ui-cancel\.csv \(\d+% read\); the data set is as it was\./);
  assert.doesNotMatch(liveArea(frame), /data .*ui-cancel/, 'the status line names no data set');
  r.unmount();
  delete process.env['KLAYERS_PROGRESS_MS'];
});
