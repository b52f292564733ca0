import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpFile } from '../data/tmp-files.js';
import { IRIS_MODEL, refused, run, session } from './helpers.js';

/** The prediction table's rows (the header line, which names the file, left out). */
const predictionRows = (out: string) => out.split('\n').filter((l) => /^\s*\d+\s.*\b(setosa|versicolor|virginica)\b/.test(l));

test('predict on a CSV path: quoted, reordered columns with a BOM and CRLF give the same predictions as the training order', async () => {
  const ctx = session();
  await run(ctx, 'seed 5', ...IRIS_MODEL, 'compile optimizer=adam', 'fit epochs=1 verbose=0');
  // Two iris rows in the builtin's column order, then the same rows with the columns reversed.
  const inOrder = await run(ctx, `predict ${tmpFile('in-order.csv', 'sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.2,3.0,5.4,2.3\n')}`);
  const path = tmpFile('to-predict.csv', '\ufeff"petal_width","petal_length",sepal_width,sepal_length,note\r\n0.2,1.4,3.5,5.1,"a, b"\r\n2.3,5.4,3.0,6.2,"x"\r\n');
  const out = await run(ctx, `predict ${path}`);
  assert.match(out, /^Predictions for 2 rows of .*to-predict\.csv:$/m);
  const expected = predictionRows(inOrder);
  assert.equal(expected.length, 2, inOrder);
  assert.deepEqual(predictionRows(out), expected, 'columns are matched by name, not by position');
  // Read by position instead, the reordered values are other flowers: the comparison above can fail.
  const byPosition = await run(ctx, `predict ${tmpFile('by-position.csv', 'sepal_length,sepal_width,petal_length,petal_width\n0.2,1.4,3.5,5.1\n2.3,5.4,3.0,6.2\n')}`);
  assert.notDeepEqual(predictionRows(byPosition), expected);
  assert.match(await refused(ctx, `predict ${tmpFile('lacks.csv', 'sepal_length,sepal_width\n5.1,3.5\n')}`), /lacks\.csv lacks the feature columns petal_length, petal_width\./);
});
