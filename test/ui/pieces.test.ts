import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colorEnabled } from '../../src/ui/colors.js';
import { candidateGrid } from '../../src/ui/components/Candidates.js';
import { statusText } from '../../src/ui/components/StatusLine.js';
import { highlightRuns } from '../../src/ui/highlight.js';
import { backendName, isLeaveCommand, unsavedQuestion } from '../../src/ui/repl-words.js';

test('NO_COLOR turns colours off even when forced; otherwise FORCE_COLOR, then the TTY decide', () => {
  assert.equal(colorEnabled({}, true), true);
  assert.equal(colorEnabled({}, false), false);
  assert.equal(colorEnabled({ NO_COLOR: '1' }, true), false);
  assert.equal(colorEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, true), false);
  assert.equal(colorEnabled({ NO_COLOR: '' }, true), true, 'an empty NO_COLOR does not count (no-color.org)');
  assert.equal(colorEnabled({ FORCE_COLOR: '1' }, false), true);
  assert.equal(colorEnabled({ FORCE_COLOR: '0' }, true), false);
});

test('shapes and parameter counts are picked out of output text, characters unchanged', () => {
  const line = 'Added 1 dense (Dense) -> (None, 8), 40 params';
  const runs = highlightRuns(line);
  assert.equal(runs.map((r) => r.text).join(''), line);
  assert.deepEqual(runs.filter((r) => r.kind !== 'plain'), [{ text: '(None, 8)', kind: 'shape' }, { text: '40', kind: 'params' }]);
  const row = '│ dense (Dense)          │ (None, 28, 28, 1)      │         1,234 │';
  assert.deepEqual(highlightRuns(row).filter((r) => r.kind !== 'plain').map((r) => r.text), ['(None, 28, 28, 1)', '1,234']);
  assert.deepEqual(highlightRuns(' Total params: 55,050 (215.04 KB)').filter((r) => r.kind !== 'plain').map((r) => r.text), ['55,050']);
  assert.deepEqual(highlightRuns('dense (Dense)').filter((r) => r.kind !== 'plain'), [], 'a class name is not a shape');
});

test('the status line names model, layers, parameters as Keras formats them, and the backend', () => {
  assert.equal(statusText({ modelName: 'sequential', layerCount: 2, totalParams: 55050, backend: 'cpu' }), 'sequential · 2 layers · 55,050 params · backend cpu');
  assert.equal(statusText({ modelName: 'm', layerCount: 1, totalParams: null, backend: null }), 'm · 1 layer · unbuilt · backend loading…');
  assert.equal(statusText({ modelName: 'm', layerCount: 0, totalParams: 0, backend: 'wasm', dataset: 'iris' }), 'm · 0 layers · 0 params · backend wasm · data iris');
});

test('candidates are laid out down then across, within the width', () => {
  const c = ['Dense', 'Dropout', 'Flatten', 'Reshape', 'Permute'].map((text) => ({ text, kind: 'layer' as const }));
  assert.deepEqual(candidateGrid(c, 20), ['Dense    Reshape', 'Dropout  Permute', 'Flatten']);
  const many = Array.from({ length: 40 }, (_, i) => ({ text: `name_${String(i).padStart(2, '0')}`, kind: 'value' as const }));
  const lines = candidateGrid(many, 20);
  assert.equal(lines.length, 7);
  assert.equal(lines[6], '… 28 more');
});

test('leaving words and the unsaved-changes question', () => {
  assert.ok(isLeaveCommand('exit') && isLeaveCommand(' quit() ') && !isLeaveCommand('exit 1'));
  assert.equal(unsavedQuestion(1), 'Leave with 1 unsaved change? (y/n) ');
  assert.equal(unsavedQuestion(3), 'Leave with 3 unsaved changes? (y/n) ');
  assert.equal(backendName('Backend: cpu (tfjs-node is not installed)'), 'cpu');
});
