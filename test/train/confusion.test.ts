import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classScores, confusionMatrix, formatClassReport, formatConfusionMatrix } from '../../src/render/confusion.js';

test('confusion matrix counts true (rows) against predicted (columns)', () => {
  // Hand-made: 2 cats right, 1 cat taken for a dog, 3 dogs right, 1 bird taken for a cat.
  const truth = [0, 0, 0, 1, 1, 1, 2];
  const predicted = [0, 0, 1, 1, 1, 1, 0];
  const m = confusionMatrix(truth, predicted, 3);
  assert.deepEqual(m, [[2, 1, 0], [0, 3, 0], [1, 0, 0]]);
  assert.equal(formatConfusionMatrix(m, ['cat', 'dog', 'bird']), ['true \\ predicted   cat   dog  bird', 'cat                  2     1     0', 'dog                  0     3     0', 'bird                 1     0     0'].join('\n'));
  const [cat, dog, bird] = classScores(m);
  assert.deepEqual([cat!.precision, cat!.recall, cat!.support], [2 / 3, 2 / 3, 3]);
  assert.deepEqual([dog!.precision, dog!.recall], [3 / 4, 1]);
  assert.deepEqual([bird!.precision, bird!.recall, bird!.f1], [0, 0, 0]); // never predicted: 0, as scikit-learn
});

test("the per-class report is scikit-learn's classification_report text", () => {
  // scikit-learn's documented example: y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1].
  const m = confusionMatrix([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3);
  const expected = [
    '              precision    recall  f1-score   support',
    '',
    '     class 0       0.50      1.00      0.67         1',
    '     class 1       0.00      0.00      0.00         1',
    '     class 2       1.00      0.67      0.80         3',
    '',
    '    accuracy                           0.60         5',
    '   macro avg       0.50      0.56      0.49         5',
    'weighted avg       0.70      0.60      0.61         5',
  ].join('\n');
  assert.equal(formatClassReport(m, ['class 0', 'class 1', 'class 2']), expected);
});
