import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, klayers, summaryIn } from './cli.js';

// Public Keras example scripts (keras-io's, and keras-team/keras's examples/), pasted unchanged
// through `klayers replay FILE.py`. The files are not in this repository (see keras-io/README.md);
// the list, real Keras's output (scripts/keras-golden/keras_scripts.py --examples) and klayers'
// expected outcome for each are.
const HERE = `${ROOT}test/e2e/keras-io/`;
const SOURCE = process.env['KERAS_IO_EXAMPLES'] ?? '/tmp/keras-io-examples';

interface Example {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly keras: string;
  readonly klayers: 'summary' | { readonly line: number; readonly error: string };
  /** For a summary: the file of what real Keras printed. */
  readonly keras_out?: string;
}
const { examples } = JSON.parse(readFileSync(`${HERE}examples.json`, 'utf8')) as { examples: Example[] };

for (const example of examples) {
  const file = join(SOURCE, example.repo, example.path);
  const skip = existsSync(file) ? false : `${file} is absent: read the keras-io examples into ${SOURCE} (test/e2e/keras-io/README.md)`;
  if (skip) console.log(`# skipped: ${skip}`);
  test(`${example.repo} ${example.path} through klayers replay`, { skip }, () => {
    const { status, stdout, stderr } = klayers(['replay', file]);
    if (example.klayers === 'summary') {
      const expected = readFileSync(HERE + example.keras_out!, 'utf8');
      assert.equal(status, 0, stdout + stderr);
      assert.equal(summaryIn(stdout), summaryIn(expected));
      return;
    }
    // Stopped at the one construct klayers does not support, named in one line.
    assert.equal(status, 1, stdout);
    const wanted = example.klayers.error;
    assert.ok(stdout.split('\n').some((l) => l.startsWith(wanted)), stdout.slice(-2000));
    assert.match(stderr, new RegExp(`:${example.klayers.line} `));
  });
}
