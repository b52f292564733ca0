import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTable } from '../../src/data/csv/read-table.js';
import { memorySource, rowsOf } from './memory-source.js';

const OPTIONS = { targets: ['y'], types: {}, missing: 'fill' } as const;

async function typesOf(header: string[], rows: string[][], options: Partial<Parameters<typeof readTable>[1]> = {}) {
  const table = await readTable(memorySource(header, rows), { ...OPTIONS, ...options });
  return Object.fromEntries(table.columns.map((c) => [c.name, `${c.type}/${c.role}`]));
}

test('each type is inferred: number, integer-category, category, binary, ignored', async () => {
  const rows = rowsOf(200, (i) => [i, (i * 0.37) % 5, i % 4, ['red', 'green', 'blue'][i % 3]!, i % 2 ? 'yes' : 'no', `note ${i * 7919}`, '', i % 3]);
  const types = await typesOf(['id', 'x', 'rooms', 'color', 'flag', 'note', 'empty', 'y'], rows);
  assert.deepEqual(types, {
    id: 'ignore/ignored', // unique increasing integers
    x: 'number/feature',
    rooms: 'integer-category/feature', // 4 distinct integers in 200 rows
    color: 'category/feature',
    flag: 'binary/feature',
    note: 'ignore/ignored', // every value different
    empty: 'ignore/ignored',
    y: 'integer-category/target',
  });
});

test('unique floats stay numbers; a numeric target with many values is a regression target', async () => {
  const rows = rowsOf(100, (i) => [Math.sin(i) * 10, i * 1.5 + 0.25]);
  assert.deepEqual(await typesOf(['x', 'y'], rows), { x: 'number/feature', y: 'number/target' });
});

test('types= and task= override inference', async () => {
  const rows = rowsOf(100, (i) => [i % 50, i % 2, (i * 7) % 30]); // 30 integers: a number unless task= says otherwise
  const types = await typesOf(['zip', 'flag', 'y'], rows, { types: { zip: 'category', flag: 'ignore' }, task: 'classification' });
  assert.deepEqual(types, { zip: 'category/feature', flag: 'ignore/ignored', y: 'integer-category/target' });
});

test('missing values: NA, ? and blanks are missing; missing=drop drops those rows', async () => {
  const rows = [['1', 'a', 'p'], ['NA', 'b', 'q'], ['3', '', 'p'], ['?', 'a', 'q'], ['5', 'b', '']];
  const kept = await readTable(memorySource(['x', 'c', 'y'], rows), OPTIONS);
  assert.equal(kept.rowCount, 4); // the row without a target is dropped
  assert.equal(kept.droppedMissingTarget, 1);
  const dropped = await readTable(memorySource(['x', 'c', 'y'], rows), { ...OPTIONS, missing: 'drop' });
  assert.equal(dropped.rowCount, 1);
  assert.equal(dropped.droppedMissing, 3);
});

test('0x/0o/0b cells are text: such a column is a category, padded decimals stay numbers', async () => {
  const codes = ['0b101', '0o17', ' 0x1F']; // Number() reads 5, 15 and 31: integer categories
  const rows = rowsOf(100, (i) => [codes[i % 3]!, ` ${(i * 0.37) % 5} `, i % 2 ? '0b1' : '0b0', i * 1.5]);
  assert.deepEqual(await typesOf(['code', 'padded', 'bits', 'y'], rows), {
    code: 'category/feature',
    padded: 'number/feature',
    bits: 'binary/feature',
    y: 'number/target',
  });
});

test('a regression target written in hex is refused naming a hex cell', async () => {
  const rows = rowsOf(100, (i) => [i, `0x${(i % 7).toString(16)}`]);
  await assert.rejects(typesOf(['x', 'y'], rows, { task: 'regression' }), /target 'y' holds text \('0x\d'\); task=regression needs numbers\./);
});
