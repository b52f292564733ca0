import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSyntaxError, parseLine } from '../../src/lang/index.js';
import type { SyntaxErrorInfo } from '../../src/lang/ast.js';

function errorBlock(line: string): string {
  const result = parseLine(line);
  assert.equal(result.ok, false, line);
  return formatSyntaxError(line, (result as { error: SyntaxErrorInfo }).error);
}

test('Python layout: the line, a caret under the column, the message', () => {
  assert.equal(
    errorBlock('Dense(64,, 2)'),
    "    Dense(64,, 2)\n             ^\nSyntaxError: expected an argument or ')'",
  );
  assert.equal(errorBlock('Dense(64'), "    Dense(64\n            ^\nSyntaxError: '(' was never closed");
});

test('a long line shows a window around the column, within 80 columns', () => {
  const line = `model.add(Dense(${'1, '.repeat(40)}@, ${'2, '.repeat(40)}))`;
  const lines = errorBlock(line).split('\n');
  assert.ok(lines.every((l) => l.length <= 80), lines.join('\n'));
  const caret = lines[1]!.indexOf('^');
  assert.equal(lines[0]![caret], '@');
  assert.ok(lines[0]!.startsWith('    ...') && lines[0]!.endsWith('...'));
  assert.equal(lines[2], "SyntaxError: unexpected character '@': expected an argument or ')'");
});

test('windows at the very start and end of a long line', () => {
  const start = errorBlock(`@${'x'.repeat(200)}`).split('\n');
  assert.equal(start[1], '    ^');
  assert.ok(start[0]!.endsWith('...'));
  const end = errorBlock(`x = (${'1, '.repeat(100)}`).split('\n');
  assert.equal(end[1]!.length, end[0]!.length + 1, 'caret just past the last shown character');
  assert.ok(end[0]!.startsWith('    ...') && !end[0]!.endsWith('...'));
});

test('multi-line text shows the line holding the error and its number', () => {
  assert.equal(
    errorBlock('Dense(8,\n  activation=relu,,)'),
    "      activation=relu,,)\n                      ^\nSyntaxError: expected an argument or ')' (line 2)",
  );
});

test('tabs, wide characters and control characters keep the caret aligned', () => {
  assert.equal(errorBlock("x\t= '中文' @"), "    x = '中文' @\n               ^\nSyntaxError: unexpected character '@': expected end of line");
  assert.equal(errorBlock('x = \x1b[31m'), "    x = ?[31m\n        ^\nSyntaxError: unexpected character U+001B: expected a value after '='");
});

test('a column past the end of the line is clamped', () => {
  assert.equal(formatSyntaxError('ab', { message: 'm', column: 99 }), '    ab\n      ^\nSyntaxError: m');
  assert.equal(formatSyntaxError('ab', { message: 'm', column: -5 }), '    ab\n    ^\nSyntaxError: m');
});
