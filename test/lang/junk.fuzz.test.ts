import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { formatSyntaxError, formatValue, isIncomplete, parseLine } from '../../src/lang/index.js';
import { call, commandLine, value, withoutColumns } from './arbitraries.js';

/** Lines users really type; mutations of them reach the deep corners of the parser. */
const CORPUS = [
  "Dense(64, activation='relu', kernel_regularizer=l2(0.01))",
  'model = keras.Sequential([layers.Dense(2), layers.Dense(3)])',
  'model.add(layers.Conv2D(32, (3, 3), padding="same"))',
  'input (28, 28, 1)', 'insert 2 Dense(8)', 'set 2 units=128', 'summary style=keras2 flops=True',
  'compile optimizer=adam loss=categorical_crossentropy metrics=[accuracy]',
  'load data/iris.csv target=species', 'fit epochs=20, batch_size=32  # quick', 'Dense?',
  'from keras.layers import (Dense, Conv2D)', "x = r'\\d' 'a\\x41' -1e-3 .5 0x1F", 'Dense(8,\n  activation=relu,\n)',
];

/** Characters that matter to the grammar, plus a few that never should. */
const GRAMMAR_CHARS = "()[]{}'\",=#\\\n\r\t .-+_e0159xjJ?:/*@~aZ\u00a0\u2028é😀\ud800";

/** What must hold for any input at all. */
function checkAnyText(text: string): void {
  const result = parseLine(text);
  const incomplete = isIncomplete(text);
  assert.equal(typeof incomplete, 'boolean');
  if (!result.ok) {
    const { column, message } = result.error;
    assert.ok(Number.isInteger(column) && column >= 0 && column <= text.length, `column ${column} of ${JSON.stringify(text)}`);
    assert.ok(message.length > 0 && !message.startsWith('internal'), message);
    assert.equal(typeof formatSyntaxError(text, result.error), 'string');
    return;
  }
  assert.equal(incomplete, false, 'a line that parses is complete');
  const line = result.line;
  if (line.kind === 'assign' || line.kind === 'expr') {
    // Whatever parses also prints, and the print parses back to the same value.
    const again = parseLine(`x = ${formatValue(line.value)}`);
    assert.ok(again.ok && again.line.kind === 'assign', `reprint of ${JSON.stringify(text)}`);
    assert.deepStrictEqual(withoutColumns((again.line as { value: typeof line.value }).value), withoutColumns(line.value));
  }
  if (line.kind === 'command') [...line.args, ...Object.values(line.kwargs)].forEach(formatValue);
}

type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; char: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  char: fc.oneof(fc.constantFrom(...GRAMMAR_CHARS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
}) as fc.Arbitrary<Edit>;

function mutate(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const { kind, at, char } of edits) {
    const i = Math.min(out.length, Math.floor(at * (out.length + 1)));
    if (kind === 'insert') out = out.slice(0, i) + char + out.slice(i);
    else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
    else out = out.slice(0, i) + char + out.slice(i + 1);
  }
  return out;
}

const validLine = fc.oneof(
  fc.constantFrom(...CORPUS),
  commandLine.map((c) => c.source),
  value.map((v) => `x = ${formatValue(v)}`),
  call.map(formatValue),
);

test('random strings of any code points never throw and report columns inside the text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), checkAnyText), { seed: FUZZ_SEED, numRuns: 6000 });
});

test('strings made of grammar characters never throw', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...GRAMMAR_CHARS), maxLength: 40 }), checkAnyText), {
    seed: FUZZ_SEED,
    numRuns: 10000,
  });
});

test('valid lines with characters inserted, deleted or replaced never throw', () => {
  fc.assert(
    fc.property(validLine, fc.array(edit, { minLength: 1, maxLength: 4 }), (line, edits) => checkAnyText(mutate(line, edits))),
    { seed: FUZZ_SEED, numRuns: 10000 },
  );
});

test('huge and pathological inputs finish without throwing', () => {
  const mega = 400_000;
  for (const text of [
    '('.repeat(mega), ')'.repeat(mega), "'".repeat(mega), '"'.repeat(mega - 1), '\\'.repeat(mega), '-'.repeat(mega),
    `x = ${'-'.repeat(mega)}1`, `x = [${'1, '.repeat(mega / 4)}]`, `load ${'a/'.repeat(mega / 2)}`, 'a.'.repeat(mega / 2),
    `x = '${'\\x41'.repeat(mega / 4)}'`, `Dense(1, ${'b'.repeat(mega)}=2)`, '#'.repeat(mega),
    `fit ${'a '.repeat(mega / 2)}`, `x = ${"'a' ".repeat(mega / 4)}`, `fit k=${'1,'.repeat(mega / 4)}`, `x = ${'1'.repeat(mega)}`, `x = ${'9'.repeat(400)}`, '\u0000\uffff\ud800'.repeat(mega / 3),
  ]) {
    checkAnyText(text);
  }
});
