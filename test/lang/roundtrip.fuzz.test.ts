import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { formatValue, parseLine } from '../../src/lang/index.js';
import { call, callsIn, commandLine, value, withoutColumns } from './arbitraries.js';

/** Parses a line that must succeed. */
function parsed(text: string) {
  const result = parseLine(text);
  if (!result.ok) assert.fail(`${JSON.stringify(text)} failed: ${JSON.stringify(result.error)}`);
  return result.line;
}

test('formatValue then parseLine gives back any value (x = <value>)', () => {
  fc.assert(
    fc.property(value, (v) => {
      const source = `x = ${formatValue(v)}`;
      const line = parsed(source);
      assert.equal(line.kind, 'assign');
      const back = (line as { value: typeof v }).value;
      assert.deepStrictEqual(withoutColumns(back), withoutColumns(v));
      for (const c of callsIn(back)) assert.ok(source.startsWith(c.name, c.column), `column of ${c.name}`);
    }),
    { seed: FUZZ_SEED, numRuns: 8000 },
  );
});

test('a formatted call alone on a line parses back as an expression', () => {
  fc.assert(
    fc.property(call, (c) => {
      const line = parsed(formatValue(c));
      assert.equal(line.kind, 'expr');
      const back = (line as { value: typeof c }).value;
      assert.equal(back.column, 0);
      assert.deepStrictEqual(withoutColumns(back), withoutColumns(c));
    }),
    { seed: FUZZ_SEED, numRuns: 6000 },
  );
});

test('command lines built from values parse back to the same command', () => {
  fc.assert(
    fc.property(commandLine, ({ source, line }) => {
      const back = parsed(source);
      assert.equal(back.kind, 'command');
      const command = back as typeof line;
      assert.equal(command.name, line.name);
      assert.deepStrictEqual(command.args.map(withoutColumns), line.args.map(withoutColumns));
      assert.deepStrictEqual(withoutColumns({ kind: 'call', name: '', args: [], kwargs: command.kwargs, column: 0 }),
        withoutColumns({ kind: 'call', name: '', args: [], kwargs: line.kwargs, column: 0 }));
    }),
    { seed: FUZZ_SEED, numRuns: 8000 },
  );
});
