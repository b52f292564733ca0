import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, klayers, summaryIn } from './cli.js';

// Public keras-io example scripts, pasted unchanged through `klayers replay FILE.py`. The files
// are not in this repository (see keras-io/README.md); the list, real Keras's output for each
// (scripts/keras-golden/keras_scripts.py --examples) and klayers' expected outcome are.
const HERE = `${ROOT}test/e2e/keras-io/`;
const SOURCE = process.env['KERAS_IO_EXAMPLES'] ?? '/tmp/keras-io-examples';

interface Example {
  readonly path: string;
  readonly commit: string;
  readonly keras: string;
  readonly klayers: 'summary' | { readonly line: number; readonly error: string };
}
const { examples } = JSON.parse(readFileSync(`${HERE}examples.json`, 'utf8')) as { examples: Example[] };

for (const example of examples) {
  const file = join(SOURCE, example.path);
  const skip = existsSync(file) ? false : `${file} is absent: read the keras-io examples into ${SOURCE} (test/e2e/keras-io/README.md)`;
  if (skip) console.log(`# skipped: ${skip}`);
  test(`keras-io ${example.path} through klayers replay`, { skip }, () => {
    const { status, stdout, stderr } = klayers(['replay', file]);
    if (example.klayers === 'summary') {
      const expected = readFileSync(HERE + basename(example.path).replace(/\.py$/, '.keras-out.txt'), 'utf8');
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
