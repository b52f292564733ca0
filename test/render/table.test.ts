import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBlockText } from '../../src/render/block-text.js';
import { table } from '../../src/render/blocks.js';
import { fit, renderTable, tableLines } from '../../src/render/table.js';

test('a rule table: header, rule, cells two spaces apart, trailing spaces trimmed', () => {
  const t = table({ style: 'rule', columns: [{ header: 'column' }, { header: 'type' }, { header: 'summary' }], rows: [['a', 'number', ''], ['long_name', 'category', 'x (1), y (2)']] });
  assert.equal(renderTable(t, 80), ['column     type      summary', '─────────  ────────  ────────────', 'a          number', 'long_name  category  x (1), y (2)'].join('\n'));
});

test('a rule table cuts its last column to the width it is rendered at, never under 8', () => {
  const t = table({ style: 'rule', columns: [{ header: 'c' }, { header: 'why' }], rows: [['a', 'a rather long explanation']] });
  assert.equal(renderTable(t, 15), ['c  why', '─  ────────────', 'a  a rather lo…'].join('\n'));
  assert.equal(renderTable(t, 5), ['c  why', '─  ────────', 'a  a rathe…'].join('\n'));
  assert.equal(renderTable(t, 80).split('\n')[2], 'a  a rather long explanation');
});

test('rule tables measure by display width and cut cells to maxWidth', () => {
  const t = table({ style: 'rule', columns: [{ header: 'raw', maxWidth: 6 }, { header: 'y' }], rows: [['大小大小', '1'], ['abcdefgh', '0']] });
  assert.equal(renderTable(t, 80), ['raw     y', '──────  ────────', '大小…   1', 'abcde…  0'].join('\n'));
  assert.equal(fit('abc', 3), 'abc');
});

test('only prints the chosen rows at the widths of all rows; title and notes go around the table', () => {
  const t = table({ style: 'rule', title: ['About:', ''], columns: [{ header: 'column' }, { header: 'type' }], rows: [['a_long_one', 'x'], ['b', 'y']], only: [1], notes: ['Done.'] });
  assert.equal(renderBlockText(t, 80), ['About:', '', 'column      type', '──────────  ────────', 'b           y', 'Done.'].join('\n'));
});

test('a plain table aligns by characters, right where asked, shared widths, no rule, spaces kept unless trimmed', () => {
  const columns = [{ header: 'true \\ predicted' }, { header: 'cat', align: 'right', shareWidth: true }, { header: 'elephant', align: 'right', shareWidth: true }] as const;
  const t = table({ style: 'plain', columns, rows: [['cat', '2', '1'], ['elephant', '0', '13']], notes: ['… and 3 more rows'] });
  assert.equal(renderTable(t, 10), ['true \\ predicted       cat  elephant', 'cat                      2         1', 'elephant                 0        13', '… and 3 more rows'].join('\n'));
  const listing = table({ style: 'plain', columns: [{ header: '#', align: 'right' }, { header: 'name' }], rows: [['0', 'in'], ['10', 'dense_long']], trimEnd: true });
  assert.equal(renderTable(listing, 80), [' #  name', ' 0  in', '10  dense_long'].join('\n'));
});

test('table lines keep each cell with its column, for painting', () => {
  const t = table({ style: 'plain', columns: [{ header: 'shape', kind: 'shape' }, { header: 'params', align: 'right', kind: 'params' }], rows: [['(None, 8)', '40']] });
  const [header, row] = tableLines(t, 80);
  assert.deepEqual(header!.map((r) => r.role), ['header', 'gap', 'header']);
  assert.deepEqual(row!.filter((r) => r.role === 'cell').map((r) => [r.text, r.column?.kind]), [['(None, 8)', 'shape'], ['    40', 'params']]);
});

test('a chart block is drawn at the width it is rendered at', () => {
  const chart = { kind: 'chart', series: [{ name: 'loss', values: [3, 2, 1] }], height: 4, firstEpoch: 1 } as const;
  const narrow = renderBlockText(chart, 30).split('\n');
  const wide = renderBlockText(chart, 70).split('\n');
  assert.ok(Math.max(...narrow.map((l) => l.length)) <= 30);
  assert.ok(Math.max(...wide.map((l) => l.length)) > 30);
});
