import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../src/core/user-error.js';
import { renderSummary } from '../../src/render/summary.js';
import type { SummaryModel } from '../../src/render/summary-types.js';
import { describeDiff } from './summary-golden-files.js';

// Expected texts follow tf.keras 2.15's layer_utils.print_summary for a Sequential model:
// line_length 65, columns ending at int(65 * [.45, .85, 1.]) = 29, 55, 65, a leading space on
// each row, a 65-space line after every layer, counts without separators, `Byte` for bytes.
// They agree with real TF 2.13-2.15 output, e.g. "Non-trainable params: 0 (0.00 Byte)".

const mlp: SummaryModel = {
  name: 'sequential',
  built: true,
  trainableParams: 55050,
  nonTrainableParams: 0,
  rows: [
    { name: 'dense', className: 'Dense', outputShape: [null, 64], params: 50240, trainable: true },
    { name: 'dense_1', className: 'Dense', outputShape: [null, 64], params: 4160, trainable: true },
    { name: 'dense_2', className: 'Dense', outputShape: [null, 10], params: 650, trainable: true },
  ],
};

const BLANK = ' '.repeat(65);

function check(model: SummaryModel, expected: string[], showTrainable = false): void {
  const actual = renderSummary(model, { style: 'keras2', columns: 120, showTrainable });
  const want = expected.join('\n');
  assert.ok(actual === want, describeDiff(want, actual));
}

test('keras2: the classic MLP summary', () => {
  check(mlp, [
    'Model: "sequential"',
    '_________________________________________________________________',
    ' Layer (type)                Output Shape              Param #   ',
    '=================================================================',
    ' dense (Dense)               (None, 64)                50240     ',
    BLANK,
    ' dense_1 (Dense)             (None, 64)                4160      ',
    BLANK,
    ' dense_2 (Dense)             (None, 10)                650       ',
    BLANK,
    '=================================================================',
    'Total params: 55050 (215.04 KB)',
    'Trainable params: 55050 (215.04 KB)',
    'Non-trainable params: 0 (0.00 Byte)',
    '_________________________________________________________________',
  ]);
});

test('keras2: long names continue on the next lines in 26-character pieces', () => {
  const model: SummaryModel = {
    name: 'sequential',
    built: true,
    trainableParams: 528,
    nonTrainableParams: 0,
    rows: [
      {
        name: 'a_really_long_layer_name_for_testing_wrapping',
        className: 'Dense',
        outputShape: [null, 16],
        params: 528,
        trainable: true,
      },
    ],
  };
  check(model, [
    'Model: "sequential"',
    '_________________________________________________________________',
    ' Layer (type)                Output Shape              Param #   ',
    '=================================================================',
    ' a_really_long_layer_name_f  (None, 16)                528       ',
    ' or_testing_wrapping (Dense                                      ',
    ' )                                                               ',
    BLANK,
    '=================================================================',
    'Total params: 528 (2.06 KB)',
    'Trainable params: 528 (2.06 KB)',
    'Non-trainable params: 0 (0.00 Byte)',
    '_________________________________________________________________',
  ]);
});

test('keras2: a list of shapes breaks after each "),"', () => {
  const model: SummaryModel = {
    name: 'sequential',
    built: true,
    trainableParams: 1600,
    nonTrainableParams: 0,
    rows: [
      {
        name: 'lstm',
        className: 'LSTM',
        outputShape: [
          [null, 16],
          [null, 16],
          [null, 16],
        ],
        params: 1600,
        trainable: true,
      },
    ],
  };
  check(model, [
    'Model: "sequential"',
    '_________________________________________________________________',
    ' Layer (type)                Output Shape              Param #   ',
    '=================================================================',
    ' lstm (LSTM)                 [(None, 16),              1600      ',
    '                              (None, 16),                        ',
    '                              (None, 16)]                        ',
    BLANK,
    '=================================================================',
    'Total params: 1600 (6.25 KB)',
    'Trainable params: 1600 (6.25 KB)',
    'Non-trainable params: 0 (0.00 Byte)',
    '_________________________________________________________________',
  ]);
});

test('keras2: show_trainable widens the line to 76 with a Y/N column', () => {
  const frozen: SummaryModel = {
    ...mlp,
    trainableParams: 4810,
    nonTrainableParams: 50240,
    rows: mlp.rows.map((r, i) => ({ ...r, trainable: i > 0 })),
  };
  const blank = ' '.repeat(76);
  check(
    frozen,
    [
      'Model: "sequential"',
      '____________________________________________________________________________',
      ' Layer (type)                Output Shape              Param #   Trainable  ',
      '============================================================================',
      ' dense (Dense)               (None, 64)                50240     N          ',
      blank,
      ' dense_1 (Dense)             (None, 64)                4160      Y          ',
      blank,
      ' dense_2 (Dense)             (None, 10)                650       Y          ',
      blank,
      '============================================================================',
      'Total params: 55050 (215.04 KB)',
      'Trainable params: 4810 (18.79 KB)',
      'Non-trainable params: 50240 (196.25 KB)',
      '____________________________________________________________________________',
    ],
    true,
  );
});

test('keras2: width does not depend on the terminal, and optimizer params are not listed', () => {
  const fitted = { ...mlp, optimizerParams: 110101 };
  const narrow = renderSummary(fitted, { style: 'keras2', columns: 40 });
  assert.equal(narrow, renderSummary(mlp, { style: 'keras2', columns: 200 }));
  assert.ok(!narrow.includes('Optimizer'));
});

test('keras2: an unbuilt model is refused, as tf.keras 2 does', () => {
  const unbuilt: SummaryModel = {
    name: 'sequential',
    built: false,
    trainableParams: 0,
    nonTrainableParams: 0,
    rows: [{ name: 'dense', className: 'Dense', outputShape: null, params: 0, trainable: true }],
  };
  assert.throws(
    () => renderSummary(unbuilt, { style: 'keras2', columns: 80 }),
    (e: unknown) => e instanceof UserError && e.message.startsWith('This model has not yet been built.'),
  );
});

test('keras2: extension footers keep the Keras 2 number style', () => {
  const model = { ...mlp, rows: mlp.rows.map((r, i) => ({ ...r, flops: [50176, 4096, 640][i] })) };
  const lines = renderSummary(model, { style: 'keras2', columns: 80, flops: true, memory: true }).split('\n');
  assert.equal(lines[2], ' Layer (type)                Output Shape              Param #   FLOPs         ');
  assert.deepEqual(lines.slice(-4), [
    'Total FLOPs: 54912 per sample',
    'Activation memory: 552.00 Byte per sample, 17.25 KB per batch of 32',
    'Parameter memory: 215.04 KB',
    '_'.repeat(79),
  ]);
});
