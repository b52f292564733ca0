/**
 * `inspect` shows each layer's arguments as Keras's get_config() has them: initializer configs in
 * get_config()'s key order (Orthogonal(seed=None, gain=1.0)) and Lambda's `arguments` as `{}`.
 * The configs are real Keras 3 output (scripts/keras-golden/layer_defaults.py).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';
import { renderBlockText } from '../../src/render/block-text.js';
import { repoRoot } from '../helpers/repo-root.js';

type Config = { readonly [key: string]: unknown };
const GOLDEN = JSON.parse(readFileSync(join(repoRoot(), 'test', 'golden', 'layer-defaults.json'), 'utf8')) as {
  layers: Record<string, { call: string; config: Config }>;
};

async function inspectLines(call: string): Promise<string[]> {
  const ctx = createContext({ columns: 200, backend: 'cpu' });
  assert.ok((await executeLine(ctx, call)).ok, call);
  const r = await executeLine(ctx, 'inspect 1');
  return r.blocks.map((b) => renderBlockText(b, 200)).join('\n').split('\n');
}

for (const [className, golden] of Object.entries(GOLDEN.layers)) {
  if (className === 'InputLayer') continue;
  test(`inspect ${golden.call}: object arguments in get_config() order`, async () => {
    const lines = await inspectLines(golden.call);
    for (const [key, value] of Object.entries(golden.config)) {
      const object = value as { class_name?: string; config?: Config } | null;
      if (!object?.class_name || !object.config) continue;
      const line = lines.find((l) => l.startsWith(`    ${key}: `));
      assert.ok(line, `${className}: no ${key} line`);
      const names = [...line.matchAll(/(\w+)=/g)].map((m) => m[1]);
      assert.deepEqual(names, Object.keys(object.config), `${className} ${key}: ${line.trim()}`);
    }
  });
}

test("inspect shows Lambda's arguments as {} as get_config() does", async () => {
  assert.deepEqual(GOLDEN.layers['Lambda']!.config['arguments'], {});
  const lines = await inspectLines(GOLDEN.layers['Lambda']!.call);
  assert.ok(lines.includes('    arguments: {}'), lines.join('\n'));
});
