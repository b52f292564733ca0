import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run, runAll } from '../helpers/run.js';
import { tmpFile } from './tmp-files.js';
import { parseTypes } from '../../src/data/load-options.js';

// Names Object.prototype has: as column names, type keys, class labels and Lambda names they are
// names like any other.
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const rows = Array.from({ length: 8 }, (_, i) => `${i},${'ab'[i % 2]},${'xy'[i % 2]},${i * 2},${NAMES[i % 4]}`);
const CSV = tmpFile('prototype-names.csv', [`${NAMES.join(',')},y`, ...rows].join('\n') + '\n');

test('columns named __proto__, constructor, toString and hasOwnProperty are inferred like others', async () => {
  const ctx = freshContext();
  const r = await run(ctx, `load ${CSV} target=y`);
  assert.equal(r.ok, true, r.text);
  assert.doesNotMatch(r.text, /function|native code|undefined/);
  assert.match(r.text, /^__proto__ +number +feature/m);
  assert.match(r.text, /^constructor +binary +feature/m);
  assert.match(r.text, /^toString +binary +feature/m);
  assert.match(r.text, /^hasOwnProperty +number +feature/m);
  assert.match(r.text, /one-hot classes __proto__, constructor, hasOwnProperty, toString/);
  assert.deepEqual(ctx.session.data!.dataset.classNames, ['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
});

test('types= keys named after Object.prototype members are kept', async () => {
  const types = parseTypes('__proto__:ignore,constructor:category,toString:ignore,hasOwnProperty:category');
  assert.deepEqual(Object.keys(types), NAMES);
  const ctx = freshContext();
  const r = await run(ctx, `load ${CSV} target=y types="__proto__:ignore,constructor:category,hasOwnProperty:ignore"`);
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /^__proto__ +ignored +ignored +set to ignored/m);
  assert.match(r.text, /^constructor +category +feature +set to category/m);
  assert.match(r.text, /^hasOwnProperty +ignored +ignored/m);
  assert.match(r.text, /^toString +binary +feature +two values/m);
  await runAll(ctx, ['column toString type=ignore']);
  assert.deepEqual(ctx.session.data!.dataset.encoders.map((e) => e.column), ['constructor']);
});

test('a Lambda naming constructor, toString, __proto__ or hasOwnProperty is told the name is unknown', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(3,))']);
  for (const name of NAMES) {
    const asName = await run(ctx, `Lambda('x + ${name}')`);
    assert.equal(asName.ok, false);
    assert.match(asName.text, new RegExp(`uses unknown name '${name}' at column 5: only x is defined`));
    const asCall = await run(ctx, `Lambda('${name}(x)')`);
    assert.equal(asCall.ok, false);
    assert.match(asCall.text, new RegExp(`calls unknown function '${name}' at column 1`));
  }
});
