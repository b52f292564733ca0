import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialEditor, press, rememberEntry, type EditorState } from '../../src/ui/editor/editor.js';
import type { Key } from '../../src/ui/editor/keys.js';
import { lineOf } from '../../src/ui/editor/line.js';
import type { CompletionStep } from '../../src/ui/editor/tab.js';

const none = (_t: string, cursor: number): CompletionStep => ({ completion: { from: cursor, to: cursor, candidates: [] }, extension: '' });

/** The editor after typing `text` with the cursor at `cursor`, then pressing keys. */
function after(text: string, cursor: number, ...keys: Key['name'][]): EditorState {
  let s: EditorState = { ...initialEditor(), line: lineOf(text, cursor) };
  for (const name of keys) s = press(s, name === 'insert' ? { name, text: '' } : ({ name } as Key), none).state;
  return s;
}

/** `text` with `|` where the cursor is. */
const shown = (s: EditorState): string => s.line.text.slice(0, s.line.cursor) + '|' + s.line.text.slice(s.line.cursor);

test('typing inserts at the cursor', () => {
  const s = press({ ...initialEditor(), line: lineOf('Dse(4)', 1) }, { name: 'insert', text: 'en' }, none).state;
  assert.equal(shown(s), 'Den|se(4)');
});

test('Backspace removes before the cursor, Delete after it; both stop at the ends', () => {
  assert.equal(shown(after('Dense', 2, 'backspace')), 'D|nse');
  assert.equal(shown(after('Dense', 2, 'delete')), 'De|se');
  assert.equal(shown(after('Dense', 0, 'backspace')), '|Dense');
  assert.equal(shown(after('Dense', 5, 'delete')), 'Dense|');
});

test('← → move one character; Home/End (Ctrl-A/E) jump to the ends', () => {
  assert.equal(shown(after('abc', 1, 'left')), '|abc');
  assert.equal(shown(after('abc', 0, 'left')), '|abc');
  assert.equal(shown(after('abc', 1, 'right', 'right', 'right')), 'abc|');
  assert.equal(shown(after('abc', 2, 'home')), '|abc');
  assert.equal(shown(after('abc', 1, 'end')), 'abc|');
});

test('Ctrl-U kills to the start, Ctrl-K to the end', () => {
  assert.equal(shown(after('Dense(64)', 5, 'killStart')), '|(64)');
  assert.equal(shown(after('Dense(64)', 5, 'killEnd')), 'Dense|');
});

test('Ctrl-W kills the whitespace-delimited word before the cursor', () => {
  assert.equal(shown(after('add Dense(4, act', 16, 'killWordBack')), 'add Dense(4, |');
  assert.equal(shown(after('add Dense  ', 11, 'killWordBack')), 'add |');
});

test('Alt-← and Alt-→ move by identifier words', () => {
  const text = "Dense(64, activation='relu')";
  assert.equal(shown(after(text, text.length, 'wordLeft')), "Dense(64, activation='|relu')");
  assert.equal(shown(after(text, text.length, 'wordLeft', 'wordLeft')), "Dense(64, |activation='relu')");
  assert.equal(shown(after(text, 0, 'wordRight')), "Dense|(64, activation='relu')");
  assert.equal(shown(after(text, 5, 'wordRight')), "Dense(64|, activation='relu')");
});

test('Enter submits the line and clears it', () => {
  const { state, action } = press({ ...initialEditor(), line: lineOf('summary', 2) }, { name: 'enter' }, none);
  assert.deepEqual(action, { kind: 'submit', text: 'summary' });
  assert.equal(shown(state), '|');
});

test('Ctrl-C clears the line and reports an interrupt', () => {
  const { state, action } = press({ ...initialEditor(), line: lineOf('Dense(4', 3) }, { name: 'interrupt' }, none);
  assert.deepEqual(action, { kind: 'interrupt' });
  assert.equal(shown(state), '|');
});

test('Ctrl-D leaves on an empty line and deletes forward otherwise', () => {
  assert.deepEqual(press(initialEditor(), { name: 'eof' }, none).action, { kind: 'eof' });
  const typed = press({ ...initialEditor(), line: lineOf('abc', 1) }, { name: 'eof' }, none);
  assert.equal(typed.action, null);
  assert.equal(shown(typed.state), 'a|c');
});

test('↑ recalls older commands, ↓ comes back to the line being typed', () => {
  let s: EditorState = { ...initialEditor(['Input(shape=(4,))', 'Dense(8)']), line: lineOf('Dro') };
  s = press(s, { name: 'up' }, none).state;
  assert.equal(shown(s), 'Dense(8)|');
  s = press(s, { name: 'up' }, none).state;
  assert.equal(shown(s), 'Input(shape=(4,))|');
  s = press(s, { name: 'up' }, none).state;
  assert.equal(s.line.text, 'Input(shape=(4,))', 'stays at the oldest');
  s = press(press(s, { name: 'down' }, none).state, { name: 'down' }, none).state;
  assert.equal(shown(s), 'Dro|');
});

test('an accepted command joins the history once (no repeats in a row)', () => {
  let s = rememberEntry(rememberEntry(initialEditor(['a']), 'summary'), 'summary');
  assert.deepEqual(s.nav.entries, ['a', 'summary']);
  s = press(s, { name: 'up' }, none).state;
  assert.equal(s.line.text, 'summary');
});
