import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBuiltin } from '../../src/data/builtin/index.js';
import { mean, numbers, readAll } from './builtin-helpers.js';
import { repoRoot } from '../helpers/repo-root.js';

const source = openBuiltin('iris', {});
const rows = await readAll(source);

test('iris has 150 flowers, 50 of each species', () => {
  assert.deepEqual(source.header, ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species']);
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row[4]!] = (counts[row[4]!] ?? 0) + 1;
  assert.deepEqual(counts, { setosa: 50, versicolor: 50, virginica: 50 });
});

// Per-species means of Fisher's data, as every textbook table (and R's aggregate(. ~ Species, iris, mean)) gives them.
const MEANS = {
  setosa: [5.006, 3.428, 1.462, 0.246],
  versicolor: [5.936, 2.77, 4.26, 1.326],
  virginica: [6.588, 2.974, 5.552, 2.026],
};

for (const [species, want] of Object.entries(MEANS)) {
  test(`iris ${species} means are ${want.join(', ')}`, () => {
    const ofSpecies = rows.filter((row) => row[4] === species);
    source.header.slice(0, 4).forEach((column, i) => {
      assert.equal(Number(mean(numbers(source, ofSpecies, column)).toFixed(3)), want[i], `${species} ${column}`);
    });
  });
}

test('iris keeps its one well-known duplicate flower (rows 102 and 143: 5.8, 2.7, 5.1, 1.9 virginica)', () => {
  const lines = rows.map((row) => row.join(','));
  assert.equal(lines.length - new Set(lines).size, 1);
  assert.equal(lines[101], '5.8,2.7,5.1,1.9,virginica');
  assert.equal(lines[142], lines[101]);
});

test('iris keeps the values as a CSV holds them (3.0, not 3)', () => {
  assert.deepEqual(rows[1], ['4.9', '3.0', '1.4', '0.2', 'setosa']);
});

test('sessions/data/iris.csv holds exactly the builtin rows', () => {
  const text = readFileSync(join(repoRoot(), 'sessions', 'data', 'iris.csv'), 'utf8');
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], source.header.join(','));
  assert.deepEqual(lines.slice(1), rows.map((row) => row.join(',')));
});
