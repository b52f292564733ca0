import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, run, runAll } from '../helpers/run.js';

// Keras's Lambda calls function(x, **arguments): arguments= names the lambda's extra parameters.
// The numbers themselves are checked against real Keras in test/golden/masks.test.ts
// (lambda_arguments_lstm); here, what a user reads and what is refused.

test("arguments= gives a Lambda's parameters their values; inspect and export json show Keras's dict", async () => {
  const ctx = freshContext();
  const [, added] = await runAll(ctx, ['Input(shape=(4,))', "Lambda(lambda x, scale: x * scale, arguments={'scale': 0.5})"]);
  assert.match(added!, /Added 1 lambda \(Lambda\) -> \(None, 4\), 0 params/);
  const [inspect] = await runAll(ctx, ['inspect 1']);
  assert.match(inspect!, /arguments: \{'scale': 0\.5\}/);
  const [json] = await runAll(ctx, ['export json']);
  assert.match(json!, /Warning: Lambda 'lambda': Keras stores a Python function's bytecode/);
  const layer = (JSON.parse(json!.slice(0, json!.lastIndexOf('}') + 1)) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } }).config.layers.find((l) => l.class_name === 'Lambda')!;
  assert.deepEqual(layer.config['arguments'], { scale: 0.5 });
  // A default is overridden by arguments=, as a keyword argument overrides it in Python.
  const [set] = await runAll(ctx, ["set 1 function='lambda x, scale=2.0: x + scale'"]);
  assert.match(set!, /Set function=/);
});

test('arguments= that the lambda cannot take is refused by name, and the model stays as it was', async () => {
  const ctx = freshContext();
  await runAll(ctx, ['Input(shape=(4,))', 'Dense(2)']);
  const cases: Array<[string, RegExp]> = [
    ["Lambda(lambda x: x, arguments={'y': 1})", /arguments= gives 'y', which the lambda does not take \(its parameters: x\)/],
    ["Lambda('x * 2', arguments={'y': 1})", /arguments= gives 'y', but the expression takes no parameters/],
    ['Lambda(lambda x, y: x * y)', /a value for it in arguments=/],
    ["Lambda(lambda x, y: x * y, arguments={'y': 'a'})", /arguments\['y'\] is 'a'; klayers passes numbers/],
    ['Lambda(lambda x, y: x * y, arguments=3)', /arguments=3 is not a dict/],
  ];
  for (const [line, message] of cases) {
    const r = await run(ctx, line);
    assert.equal(r.ok, false, line);
    assert.match(r.text, message, line);
    assert.doesNotMatch(r.text, /\n\s+at /, 'no stack trace');
  }
  const [summary] = await runAll(ctx, ['summary']);
  assert.match(summary!, /Total params: 10 \(40\.00 B\)/);
  assert.doesNotMatch(summary!, /Lambda/);
});
