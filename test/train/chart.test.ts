import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderChart, resample } from '../../src/render/chart.js';

const loss = [1.0, 0.8, 0.6, 0.5, 0.45];
const valLoss = [1.1, 0.9, 0.8, 0.75, 0.74];

test('the chart has y-axis labels spanning the values, an epoch axis and a legend', () => {
  const lines = renderChart([{ name: 'loss', values: loss }, { name: 'val_loss', values: valLoss }], { columns: 60, height: 6 }).split('\n');
  assert.equal(lines.length, 7 + 2); // height + 1 rows, epoch axis, legend
  assert.match(lines[0]!, /^1\.1000 [┤┼]/);
  assert.match(lines[6]!, /^0\.4500 [┤┼]/);
  assert.match(lines[7]!, /^ epoch {2}1 +5$/);
  assert.equal(lines[8], '── loss   ┄┄ val_loss');
  for (const line of lines) assert.ok(line.length <= 60, `${line.length}: ${line}`);
});

test('series are told apart without colour: the second is drawn dashed', () => {
  const chart = renderChart([{ name: 'loss', values: loss }, { name: 'val_loss', values: valLoss }], { columns: 50, height: 8 });
  const plot = chart.split('\n').slice(0, 9).map((l) => l.slice(8)).join('\n');
  assert.match(plot, /─/);
  assert.match(plot, /┄/);
});

test('the chart fits narrow terminals and paints series when asked', () => {
  const narrow = renderChart([{ name: 'loss', values: loss }], { columns: 30, height: 4 });
  for (const line of narrow.split('\n')) assert.ok(line.length <= 30, line);
  const painted = renderChart([{ name: 'loss', values: loss }], { columns: 40, height: 4, paint: [(s) => `\x1b[31m${s}\x1b[0m`] });
  assert.match(painted, /\x1b\[31m─/);
});

test('missing values leave gaps; a series without values is left out; flat values still draw', () => {
  const chart = renderChart([{ name: 'loss', values: loss }, { name: 'val_loss', values: [NaN, NaN, NaN, NaN, NaN] }], { columns: 40, height: 4 });
  assert.match(chart, /── loss$/);
  assert.equal(renderChart([{ name: 'loss', values: [] }], { columns: 40 }), '');
  assert.match(renderChart([{ name: 'loss', values: [0.5, 0.5] }], { columns: 40, height: 4 }), /0\.5000/);
  assert.deepEqual(resample([0, 1], 5), [0, 0.25, 0.5, 0.75, 1]);
});
