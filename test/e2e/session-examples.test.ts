import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { ROOT, klayers } from './cli.js';

const examples = readdirSync(`${ROOT}sessions`).filter((f) => f.endsWith('.klayers')).sort();

test('the shipped examples are the five the README promises', () => {
  assert.deepEqual(examples, ['digits_cnn.klayers', 'iris.klayers', 'plant_growth_regression.klayers', 'sine_lstm.klayers', 'spiral_playground.klayers']);
});

for (const name of examples) {
  test(`sessions/${name} replays with every output as recorded (--check)`, () => {
    const r = klayers(['replay', `sessions/${name}`, '--check']);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, new RegExp(`^sessions/${name.replace('.', '\\.')}: all \\d+ outputs match\\.\\n$`));
    assert.equal(r.status, 0);
  });
}
