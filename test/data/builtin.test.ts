import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_NAMES, describeBuiltins, openBuiltin } from '../../src/data/builtin/index.js';
import { UserError } from '../../src/core/user-error.js';
import { readAll } from './builtin-helpers.js';

const GENERATED = ['friedman', 'digits', 'sine', 'circle', 'xor', 'gauss', 'spiral'];
const EXPECTED = {
  iris: { rows: 150, columns: 5, target: 'species' },
  friedman: { rows: 1000, columns: 11, target: 'y' },
  digits: { rows: 1800, columns: 65, target: 'digit' },
  sine: { rows: 1000, columns: 2, target: 'value' },
  circle: { rows: 500, columns: 3, target: 'label' },
  xor: { rows: 500, columns: 3, target: 'label' },
  gauss: { rows: 500, columns: 3, target: 'label' },
  spiral: { rows: 500, columns: 3, target: 'label' },
} as const;

test('the builtin names are the eight sets the issue lists', () => {
  assert.deepEqual([...BUILTIN_NAMES].sort(), Object.keys(EXPECTED).sort());
});

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`builtin:${name} has ${want.rows} rows of ${want.columns} string columns by default, target ${want.target}`, async () => {
    const source = openBuiltin(name, {});
    assert.equal(source.name, `builtin:${name}`);
    assert.equal(source.header.length, want.columns);
    assert.equal(new Set(source.header).size, want.columns, 'column names are unique');
    assert.deepEqual(source.defaultTarget, [want.target]);
    assert.equal(source.firstDataLine, null);
    assert.match(source.description ?? '', /licen[cs]e|public domain/i);
    const rows = await readAll(source);
    assert.equal(rows.length, want.rows);
    for (const row of rows) {
      assert.equal(row.length, want.columns);
      for (const cell of row) assert.equal(typeof cell, 'string');
      for (const cell of row) assert.notEqual(cell, '', 'builtins have no missing values');
    }
  });
}

test('batches() can be read twice and gives the same rows, in batches of the asked size', async () => {
  const source = openBuiltin('circle', { n: 7 });
  const sizes: number[] = [];
  for await (const batch of source.batches(3)) sizes.push(batch.length);
  assert.deepEqual(sizes, [3, 3, 1]);
  assert.deepEqual(await readAll(source, 2), await readAll(source, 5));
});

for (const name of GENERATED) {
  test(`builtin:${name} is deterministic: same seed, same rows; another seed, other rows`, async () => {
    // A noiseless spiral is pure geometry, so only its noise draws depend on the seed.
    const noise = name === 'spiral' ? 0.2 : undefined;
    const a = await readAll(openBuiltin(name, { n: 50, noise, seed: 7 }));
    const b = await readAll(openBuiltin(name, { n: 50, noise, seed: 7 }));
    const c = await readAll(openBuiltin(name, { n: 50, noise, seed: 8 }));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    assert.deepEqual(await readAll(openBuiltin(name, { n: 50 })), await readAll(openBuiltin(name, { n: 50 })), 'default seed is fixed');
  });
}

test('the builtin: prefix is accepted', () => {
  assert.equal(openBuiltin('builtin:xor', {}).name, 'builtin:xor');
});

test('an unknown name is refused with a did-you-mean and the list of sets', () => {
  assert.throws(() => openBuiltin('irsi', {}), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, "Unknown builtin data set 'irsi'. Did you mean 'iris'?");
    assert.match(e.hint ?? '', /iris, friedman, digits, sine, circle, xor, gauss, spiral/);
    return true;
  });
  assert.throws(() => openBuiltin('spirals', {}), /Did you mean 'spiral'\?/);
  assert.throws(() => openBuiltin('mnist', {}), (e: unknown) => e instanceof UserError && !e.message.includes('Did you mean'));
});

const BAD_OPTIONS: readonly [string, object, RegExp][] = [
  ['circle', { n: 0 }, /^Expected n to be an integer from 2 to 1000000 for builtin:circle\. Received: n=0$/],
  ['circle', { n: 2.5 }, /Received: n=2\.5$/],
  ['friedman', { n: 2_000_000 }, /from 2 to 1000000 .*Received: n=2000000$/],
  ['digits', { n: 5 }, /from 10 to 1000000 for builtin:digits\. Received: n=5$/],
  ['circle', { noise: -1 }, /^Expected noise to be a number from 0 to 0\.5 for builtin:circle\. Received: noise=-1$/],
  ['spiral', { noise: 0.6 }, /Received: noise=0\.6$/],
  ['sine', { noise: Number.NaN }, /Received: noise=NaN$/],
  ['iris', { n: 500 }, /^builtin:iris is a fixed data set of 150 rows and takes no n=\. Received: n=500$/],
  ['iris', { noise: 0.1 }, /takes no noise=\. Received: noise=0\.1$/],
  ['xor', { seed: -1 }, /^Expected seed to be a non-negative integer\. Received: seed=-1$/],
  ['xor', { seed: 1.5 }, /Received: seed=1\.5$/],
];

for (const [name, options, message] of BAD_OPTIONS) {
  test(`builtin:${name} refuses ${JSON.stringify(options)} naming the value and the range`, () => {
    assert.throws(() => openBuiltin(name, options), (e: unknown) => e instanceof UserError && message.test(e.message));
  });
}

test('iris accepts n=150 and any seed (it is fixed data)', async () => {
  assert.deepEqual(await readAll(openBuiltin('iris', { n: 150, seed: 3 })), await readAll(openBuiltin('iris', {})));
});

test('describeBuiltins lists every set with its column count and rows', () => {
  const listed = describeBuiltins();
  assert.deepEqual(listed.map((d) => d.name), [...BUILTIN_NAMES]);
  for (const d of listed) {
    const want = EXPECTED[d.name as keyof typeof EXPECTED];
    assert.equal(d.columns, want.columns);
    assert.ok(d.rows.startsWith(want.rows.toLocaleString('en-US')), `${d.name}: ${d.rows}`);
    assert.ok(d.description.length > 20);
  }
  assert.equal(listed.find((d) => d.name === 'circle')?.rows, '500 (n=2…1,000,000)');
});
