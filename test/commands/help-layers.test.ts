/** `help layers` lists the whole catalog, one line per layer, within 80 columns. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';
import { renderBlockText } from '../../src/render/block-text.js';
import { LAYERS } from '../../src/layers/index.js';

test('help layers lists every catalog layer with its one-line description, at 80 columns', async () => {
  const ctx = createContext({ columns: 80, backend: 'cpu' });
  const result = await executeLine(ctx, 'help layers');
  assert.ok(result.ok);
  const lines = result.blocks.map((b) => renderBlockText(b, 80)).join('\n').split('\n');
  for (const line of lines) assert.ok(line.length <= 80, `longer than 80 columns: ${line}`);
  for (const spec of LAYERS) {
    const name = spec.className === 'InputLayer' ? 'Input' : spec.className;
    assert.ok(lines.some((l) => l.startsWith(`  ${name} `) && l.endsWith(spec.brief)), `no line for ${name}`);
  }
  assert.ok(lines.some((l) => l.includes('layers command')), 'the layers command is still named');
});
