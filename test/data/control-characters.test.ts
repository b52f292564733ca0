import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshContext, run } from '../helpers/run.js';
import { tableLines } from '../../src/render/table.js';
import { table } from '../../src/render/blocks.js';
import { visible } from '../../src/core/visible.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'klayers-controls-'));
const ESC = '\x1b[31m';

/** Control characters a terminal would act on: none may reach what klayers prints. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('escape sequences in CSV headers, cells and labels are shown escaped; plain text is unchanged', async () => {
  const dir = tmp();
  const file = join(dir, 'esc.csv');
  const rows = Array.from({ length: 10 }, (_, i) => `${i},${i % 2 ? `red${ESC}` : 'bl\u202eue'},${i % 2 ? `cat\x1b]0;owned\x07` : 'dög'}`);
  writeFileSync(file, [`n${ESC},colour,label\x9b`, ...rows].join('\n') + '\n');
  const ctx = freshContext();
  const outputs = [await run(ctx, `load ${file}`), await run(ctx, 'data'), await run(ctx, 'data head'), await run(ctx, `column "colour" type=ignore`), await run(ctx, `column "n${ESC}"`)];
  for (const r of outputs) {
    assert.equal(r.ok, true, r.text);
    assert.doesNotMatch(r.text, RAW_CONTROL, r.text);
  }
  const all = outputs.map((r) => r.text).join('\n');
  assert.match(all, /n\\x1b\[31m/);
  assert.match(all, /cat\\x1b\]0;owned\\x07/);
  assert.match(all, /label\\x9b/);
  assert.match(all, /dög/, 'other non-ASCII text is unchanged');
  const refused = await run(ctx, `column "nope${ESC}"`);
  assert.equal(refused.ok, false);
  assert.doesNotMatch(refused.text, RAW_CONTROL, refused.text);
  assert.match(refused.text, /nope\\x1b\[31m/);
});

test('the REPL table view shows cells escaped too', () => {
  const lines = tableLines(table({ style: 'rule', columns: [{ header: `h${ESC}` }, { header: 'b' }], rows: [[`a\nb`, `\u202eé`]], title: [`t\x07`] }), 80);
  const text = lines.map((runs) => runs.map((r) => r.text).join('')).join('\n');
  assert.doesNotMatch(text, RAW_CONTROL);
  assert.equal(text, 't\\x07\nh\\x1b[31m  b\n─────────  ────────\na\\nb       \\u202eé');
  assert.equal(visible('plain text, ünïcode, 日本語 and emoji 👍'), 'plain text, ünïcode, 日本語 and emoji 👍');
});
