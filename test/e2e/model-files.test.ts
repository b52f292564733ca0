import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { klayers, summaryIn } from './cli.js';

test('klayers replay saves a trained model; another replay loads it with the same summary and predictions', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'klayers-e2e-model-')), 'iris');
  const script = join(dir, '..', 'iris.py');
  const first = klayers(['replay', '-'], [
    'seed 1', 'load builtin:iris', "Dense(8, activation='relu')", "Lambda('x * 0.5')", "Dense(3, activation='softmax')",
    'fit epochs=2 verbose=0', `save model ${dir}`, 'summary', 'predict 5.1,3.5,1.4,0.2', 'evaluate', `export keras ${script}`, '',
  ].join('\n'));
  assert.equal(first.status, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /Saved model 'sequential' to .*iris\/: model\.json \+ weights, 67 parameters, trained weights \(1 fit\)\./);
  assert.ok(existsSync(join(dir, 'model.json')) && existsSync(join(dir, 'weights.bin')));
  assert.match(readFileSync(script, 'utf8'), /layers\.Lambda\(lambda x: x \* 0\.5\)/);

  const second = klayers(['replay', '-'], ['seed 1', 'load builtin:iris', `load model ${dir}`, 'summary', 'predict 5.1,3.5,1.4,0.2', 'evaluate', ''].join('\n'));
  assert.equal(second.status, 0, second.stdout + second.stderr);
  assert.match(second.stdout, /Loaded model 'sequential' from .*: 3 layers, 67 parameters .*Compiled as saved: model\.compile\(optimizer=RMSprop\(learning_rate=0\.001/);
  assert.doesNotMatch(second.stdout, /Not compiled yet/);
  // The tfjs format holds no optimizer state (a .keras file does): the trained session's summary
  // counts RMSprop's 69 optimizer values in Total and has an Optimizer params line; the loaded one has neither.
  assert.match(first.stdout, /^ Optimizer params: 69 \(276\.00 B\)$/m);
  assert.doesNotMatch(second.stdout, /Optimizer params/);
  const layersOnly = (summary: string) => summary.replace(/^ Total params: .*$/m, '');
  assert.equal(layersOnly(summaryIn(second.stdout)), layersOnly(summaryIn(first.stdout)));
  // What predict and evaluate print (timings masked).
  const outputOf = (out: string, command: string) => out.split('klayers> ').find((c) => c.startsWith(command))!.replace(/\d+(\.\d+)?[mu]?s\b/g, 'T');
  for (const command of ['predict', 'evaluate']) {
    assert.ok(outputOf(first.stdout, command).length > command.length + 5, `${command} printed something`);
    assert.equal(outputOf(second.stdout, command), outputOf(first.stdout, command));
  }
});
