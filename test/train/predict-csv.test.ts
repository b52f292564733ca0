import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpFile } from '../data/tmp-files.js';
import { IRIS_MODEL, refused, run, session } from './helpers.js';

test('predict on a CSV path: quoted, reordered columns with a BOM and CRLF, one prediction per row', async () => {
  const ctx = session();
  await run(ctx, 'seed 5', ...IRIS_MODEL, 'compile optimizer=adam', 'fit epochs=1 verbose=0');
  const path = tmpFile('to-predict.csv', '\ufeff"petal_width","petal_length",sepal_width,sepal_length,note\r\n0.2,1.4,3.5,5.1,"a, b"\r\n2.3,5.4,3.0,6.2,"x"\r\n');
  const out = await run(ctx, `predict ${path}`);
  assert.match(out, /^Predictions for 2 rows of .*to-predict\.csv:$/m);
  const rows = out.split('\n').filter((l) => /^\s*\d+\s.*\b(setosa|versicolor|virginica)\b/.test(l));
  assert.equal(rows.length, 2, out);
  assert.match(await refused(ctx, `predict ${tmpFile('lacks.csv', 'sepal_length,sepal_width\n5.1,3.5\n')}`), /lacks\.csv lacks the feature columns petal_length, petal_width\./);
});
