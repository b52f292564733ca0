/**
 * `export json` equals Keras's `model.to_json()` exactly (every key, in Keras's order, and every
 * value, float32 optimizer values included) for models compiled in several ways, uncompiled and
 * unbuilt. The goldens are real Keras output (golden/keras-json-cases.py).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshContext, run, runAll } from '../helpers/run.js';
import { repoRoot } from '../helpers/repo-root.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface JsonCase {
  readonly slug: string;
  readonly lines: readonly string[];
  readonly compile: string | null;
  readonly to_json: string;
}

const GOLDEN = JSON.parse(readFileSync(join(repoRoot(), 'test', 'export', 'golden', 'keras-json-cases.json'), 'utf8')) as { cases: JsonCase[] };

/** The first place where `ours` leaves `keras`: a key order, a missing or extra key, a value. */
function firstDifference(ours: Json, keras: Json, path: string): string | null {
  if (ours !== null && keras !== null && typeof ours === 'object' && typeof keras === 'object') {
    if (Array.isArray(ours) || Array.isArray(keras)) {
      if (!Array.isArray(ours) || !Array.isArray(keras) || ours.length !== keras.length) return `${path}: ${JSON.stringify(ours)} vs Keras ${JSON.stringify(keras)}`;
      for (const [i, v] of ours.entries()) {
        const d = firstDifference(v, keras[i]!, `${path}[${i}]`);
        if (d) return d;
      }
      return null;
    }
    const ok = Object.keys(ours);
    const kk = Object.keys(keras);
    if (ok.join(',') !== kk.join(',')) return `${path}: keys [${ok.join(', ')}] vs Keras [${kk.join(', ')}]`;
    for (const key of kk) {
      const d = firstDifference(ours[key]!, keras[key]!, `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return ours === keras ? null : `${path}: ${JSON.stringify(ours)} vs Keras ${JSON.stringify(keras)}`;
}

for (const golden of GOLDEN.cases) {
  test(`export json equals Keras's to_json(): ${golden.slug}`, async () => {
    const ctx = freshContext();
    await runAll(ctx, [...golden.lines, ...(golden.compile ? [golden.compile] : [])]);
    const r = await run(ctx, 'export json');
    assert.ok(r.ok, r.text);
    const ours = JSON.parse(r.text.slice(r.text.indexOf('{'), r.text.lastIndexOf('}') + 1)) as Json;
    assert.equal(firstDifference(ours, JSON.parse(golden.to_json) as Json, '$'), null);
  });
}
