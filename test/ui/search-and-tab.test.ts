import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialEditor, press, type EditorState } from '../../src/ui/editor/editor.js';
import type { Key } from '../../src/ui/editor/keys.js';
import { lineOf } from '../../src/ui/editor/line.js';
import { searchPrompt, searchResult } from '../../src/ui/editor/search.js';
import type { CompletionStep } from '../../src/ui/editor/tab.js';

const none = (_t: string, c: number): CompletionStep => ({ completion: { from: c, to: c, candidates: [] }, extension: '' });
const HISTORY = ['Input(shape=(4,))', 'Dense(8)', 'summary', 'Dense(3)', 'layers'];

function typeKeys(s: EditorState, keys: Key[], completer = none): EditorState {
  for (const k of keys) s = press(s, k, completer).state;
  return s;
}

test('Ctrl-R finds the newest match as the query grows, Ctrl-R again steps to older ones', () => {
  let s = typeKeys(initialEditor(HISTORY), [{ name: 'search' }, { name: 'insert', text: 'Den' }]);
  assert.equal(searchResult(s.nav.entries, s.search!), 'Dense(3)');
  assert.equal(searchPrompt(s.search!), "(reverse-i-search)'Den': ");
  s = typeKeys(s, [{ name: 'search' }]);
  assert.equal(searchResult(s.nav.entries, s.search!), 'Dense(8)');
  s = typeKeys(s, [{ name: 'search' }]);
  assert.equal(searchPrompt(s.search!), "(failing reverse-i-search)'Den': ", 'no older match');
  assert.equal(searchResult(s.nav.entries, s.search!), 'Dense(8)', 'keeps the last match');
});

test('Enter in a search runs the match; an arrow takes it into the line; Ctrl-G gives up', () => {
  const searching = typeKeys(initialEditor(HISTORY), [{ name: 'search' }, { name: 'insert', text: 'summ' }]);
  assert.deepEqual(press(searching, { name: 'enter' }, none).action, { kind: 'submit', text: 'summary' });
  const taken = press(searching, { name: 'left' }, none).state;
  assert.equal(taken.search, null);
  assert.deepEqual(taken.line, { text: 'summary', cursor: 6 });
  const cancelled = press({ ...searching, line: lineOf('typed') }, { name: 'cancel' }, none).state;
  assert.equal(cancelled.search, null);
  assert.equal(cancelled.line.text, 'typed');
});

test('Backspace in a search shortens the query', () => {
  const s = typeKeys(initialEditor(HISTORY), [{ name: 'search' }, { name: 'insert', text: 'lay' }, { name: 'backspace' }, { name: 'backspace' }]);
  assert.equal(s.search!.query, 'l');
  assert.equal(searchResult(s.nav.entries, s.search!), 'layers');
});

/** A completer offering the layer names that start with the word before the cursor. */
function layerNames(names: string[]) {
  return (text: string, cursor: number): CompletionStep => {
    const from = text.slice(0, cursor).search(/\w*$/);
    const word = text.slice(from, cursor);
    const matches = names.filter((n) => n.startsWith(word));
    let common = matches[0] ?? word;
    for (const m of matches) while (!m.startsWith(common)) common = common.slice(0, -1);
    const candidates = matches.map((text) => ({ text, kind: 'layer' as const }));
    return { completion: { from, to: cursor, candidates }, extension: matches.length ? common.slice(word.length) : '' };
  };
}

test('Tab inserts the common extension; a second Tab lists the candidates', () => {
  const completer = layerNames(['Dense', 'Dropout', 'MaxPooling1D', 'MaxPooling2D']);
  let s = typeKeys({ ...initialEditor(), line: lineOf('Den') }, [{ name: 'tab' }], completer);
  assert.equal(s.line.text, 'Dense');
  assert.equal(s.candidates, null);
  s = typeKeys({ ...initialEditor(), line: lineOf('Max') }, [{ name: 'tab' }], completer);
  assert.equal(s.line.text, 'MaxPooling', 'the shared part first');
  assert.equal(s.candidates, null);
  s = typeKeys(s, [{ name: 'tab' }], completer);
  assert.deepEqual(s.candidates?.map((c) => c.text), ['MaxPooling1D', 'MaxPooling2D']);
  assert.equal(s.line.text, 'MaxPooling');
  s = typeKeys(s, [{ name: 'insert', text: '2' }], completer);
  assert.equal(s.candidates, null, 'typing hides the list');
});

test('Tab with nothing shared lists only on the second press', () => {
  const completer = layerNames(['Dense', 'Dropout']);
  let s = typeKeys({ ...initialEditor(), line: lineOf('D') }, [{ name: 'tab' }], completer);
  assert.equal(s.candidates, null);
  s = typeKeys(s, [{ name: 'tab' }], completer);
  assert.deepEqual(s.candidates?.map((c) => c.text), ['Dense', 'Dropout']);
});

test('Tab with one candidate that is not an extension replaces the word (den → Dense)', () => {
  const completer = (_text: string, cursor: number): CompletionStep => ({
    completion: { from: cursor - 3, to: cursor, candidates: [{ text: 'Dense', kind: 'layer' }] },
    extension: '',
  });
  const s = typeKeys({ ...initialEditor(), line: lineOf('add den') }, [{ name: 'tab' }], completer);
  assert.deepEqual(s.line, { text: 'add Dense', cursor: 9 });
});
