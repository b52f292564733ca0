/**
 * After a fit, `summary` has Keras's ` Optimizer params:` line and counts it in Total, per
 * optimizer and its slots (amsgrad, momentum, centered), frozen layers left out. Golden footers
 * from real Keras: scripts/keras-golden/optimizer_params.py.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshContext, runAll } from '../helpers/run.js';
import { repoRoot } from '../helpers/repo-root.js';

interface Case {
  readonly compile: string;
  readonly frozen: boolean;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

const golden = JSON.parse(readFileSync(join(repoRoot(), 'test/golden/optimizer-params.json'), 'utf8')) as { cases: Record<string, Case> };
const footer = (summary: string) => summary.split('\n').filter((l) => /^ [\w-]+ params: /.test(l));

for (const [name, c] of Object.entries(golden.cases)) {
  test(`summary after compile(${c.compile}) and a fit${c.frozen ? ', first layer frozen' : ''}: Keras's footer (${name})`, async () => {
    const ctx = freshContext();
    const [, , , , before] = await runAll(ctx, [
      'load builtin:iris',
      `Dense(8, activation='relu'${c.frozen ? ', trainable=False' : ''})`,
      "Dense(3, activation='softmax')",
      `compile(${c.compile}, loss='categorical_crossentropy')`,
      'summary',
    ]);
    assert.deepEqual(footer(before!), c.before);
    const [, after] = await runAll(ctx, ['fit epochs=1 verbose=0', 'summary']);
    assert.deepEqual(footer(after!), c.after);
  });
}

test('a recompile with another optimizer drops the Optimizer params line until the next fit, as a new Keras optimizer is unbuilt', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['load builtin:iris', 'Dense(3, activation=\'softmax\')', "compile(optimizer='adam', loss='categorical_crossentropy')", 'fit epochs=1 verbose=0']);
  const [trained] = await runAll(ctx, ['summary']);
  assert.match(trained!, /^ Optimizer params: 32 \(128\.00 B\)$/m);
  const [, recompiled] = await runAll(ctx, ["compile(optimizer='sgd', loss='categorical_crossentropy')", 'summary']);
  assert.doesNotMatch(recompiled!, /Optimizer params/);
  const [, edited] = await runAll(ctx, ['fit epochs=1 verbose=0', 'summary']);
  assert.match(edited!, /^ Optimizer params: 2 \(8\.00 B\)$/m);
});
