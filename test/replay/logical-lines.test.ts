import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CONTINUED_LINES, splitLogicalLines } from '../../src/replay/logical-lines.js';
import { runScript } from '../../src/replay/run-script.js';
import { freshContext } from '../helpers/run.js';

test('brackets and strings still join lines into one command; blank and comment lines stay out', () => {
  const lines = splitLogicalLines("# a model\nInput(shape=(4,))\n\nmodel.add(Dense(8,\n    activation='relu'))\nsummary\n");
  assert.deepEqual(lines, [
    { text: 'Input(shape=(4,))', lineNo: 2 },
    { text: "model.add(Dense(8,\n    activation='relu'))", lineNo: 4 },
    { text: 'summary', lineNo: 6 },
  ]);
  // A bracket open at the end of the file stays one command, for the parser to say it was never closed.
  assert.deepEqual(splitLogicalLines('summary\nDense(3,\n  4'), [{ text: 'summary', lineNo: 1 }, { text: 'Dense(3,\n  4', lineNo: 2 }]);
});

test('an unclosed bracket followed by 200,000 lines stops at the limit, naming the line it opened on', () => {
  // Re-reading the growing command at every line made this quadratic (20,000 lines took > 45 s).
  const source = `Input(shape=(4,))\n# layers\nmodel.add(Dense(8,\n${'    Dense(3),\n'.repeat(200_000)}summary\n`;
  const lines = splitLogicalLines(source);
  assert.equal(lines.length, 2);
  assert.equal(lines[0]!.text, 'Input(shape=(4,))');
  const stuck = lines[1]!;
  assert.equal(stuck.lineNo, 3);
  assert.equal(stuck.text.split('\n').length, MAX_CONTINUED_LINES);
  assert.equal(stuck.problem, "'(' opened on line 3 is still open after 500 lines or 50,000 characters; close it (the rest of the script is not run).");
});

test('a string or line that never ends is bounded too', () => {
  const longLine = splitLogicalLines(`x = [${'1, '.repeat(30_000)}\n${'2,\n'.repeat(1000)}`);
  assert.match(longLine[0]!.problem ?? '', /^'\[' opened on line 1 is still open/);
  const string = splitLogicalLines(`say 'a\\\n${'b\\\n'.repeat(1000)}'`);
  assert.match(string[0]!.problem ?? '', /^The command starting on line 1 is still open after 500 lines/);
});

test('a script run shows the problem as its error at that line and runs nothing after it', async () => {
  const ctx = freshContext();
  const written: string[] = [];
  const lines = splitLogicalLines(`Input(shape=(4,))\nmodel.add(Dense(8,\n${'Dense(3),\n'.repeat(1000)}`);
  const outcome = await runScript(ctx, lines, (t) => written.push(t), true);
  assert.deepEqual(outcome, { firstErrorLine: 2, executed: 2 });
  const text = written.join('');
  assert.match(text, /'\(' opened on line 2 is still open after 500 lines/);
  assert.ok(text.length < 2000, 'the echo shows the first line, not 500');
  assert.equal(ctx.session.model.state.layers.length, 0);
});

test('a bracket open around Python klayers cannot read still continues the statement, as in Python', () => {
  // `"...({:.2f}%)".format(` does not parse, but Python's statement goes on until its brackets close.
  const source = 'print(\n    "{} ({:.2f}% of total)".format(\n        counts[1], 100 * float(counts[1]) / len(t)\n    )\n)\nx = [t[i] for i in [0, 1]]\nsummary\n';
  const lines = splitLogicalLines(source);
  assert.deepEqual(lines.map((l) => l.lineNo), [1, 6, 7]);
  assert.equal(lines[0]!.text.split('\n').length, 5);
});
