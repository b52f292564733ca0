/**
 * The split an exported script draws in Python is klayers' own: the same generator (seedrandom's
 * Alea), the same draw per row, the same rounding, so Keras trains and validates on the same rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PY_SPLIT } from '../../src/export/keras-data.js';
import { splitRows } from '../../src/data/encode/split.js';

const PYTHON = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;

test("the exported Python split gives klayers' rows, plain and stratified, for any seed", { skip: PYTHON ? false : 'no python3 on this machine' }, () => {
  const labels = Int32Array.from({ length: 1001 }, (_, i) => [0, 1, 1, 2, 0, 1, 2][(i * 5) % 7]!);
  const cases = [0, 7, 42, 123456].flatMap((seed) => [
    { seed, validation: 0.2, test: 0.1, groups: null },
    { seed, validation: 0.15, test: 0.25, groups: [...labels] },
    { seed, validation: 0.5, test: 0, groups: null },
  ]);
  const calls = cases.map((c) => `print(json.dumps(klayers_split(${JSON.stringify(c.groups ?? new Array(1001).fill(0))}, ${JSON.stringify(String(c.seed))}, ${c.validation}, ${c.test})))`);
  const r = spawnSync(PYTHON!, ['-c', [...PY_SPLIT, 'import json', ...calls].join('\n')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const printed = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as number[][]);
  cases.forEach((c, i) => {
    const s = splitRows(1001, { validation: c.validation, test: c.test, seed: c.seed, stratify: c.groups !== null, chronological: false }, c.groups ? labels : null);
    assert.deepEqual(printed[i], [[...s.train], [...s.validation], [...s.test]], JSON.stringify({ ...c, groups: c.groups ? 'labels' : null }));
  });
});
