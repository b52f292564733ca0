/**
 * Masks through every catalog layer, against Keras 3 (scripts/keras-golden/masks.py): each case is
 * Masking, then one or more layers, then an RNN or Dense. Typed into klayers line by line, each
 * line must print the mask warnings Keras printed for it ("... will therefore destroy the mask
 * information"), and with Keras's deterministic weights the model must predict what Keras
 * predicted (within 1e-5) for partly masked, fully masked and unmasked samples: a layer that
 * destroys the mask must leave the RNN reading every step. A few cases also take one SGD step,
 * whose losses before and after must be Keras's within 1e-4.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';
import { renderBlockText } from '../../src/render/block-text.js';
import { buildModel, disposeModel, predictArrays, sgdStep } from '../../src/engine/index.js';
import { useGoldenBackend } from './backend.js';
import { repoRoot } from '../helpers/repo-root.js';
import type { GoldenArchitecture, GoldenForward, GoldenTrainStep } from './architectures/golden-file.js';
import { decodeFloat32 } from './forward/deterministic.js';
import { goldenInput, goldenTargets, loadGoldenWeights } from './forward/golden-model.js';

interface MaskCase {
  readonly slug: string;
  readonly keras: string;
  readonly lines: readonly string[];
  /** Per line, the UserWarnings Keras printed for it (each message once). */
  readonly warnings: readonly (readonly string[])[];
  readonly layers: readonly { readonly name: string; readonly class_name: string; readonly output_mask: boolean }[];
  readonly forward: GoldenForward;
  /** For a few cases: mse before and after one SGD step. */
  readonly train?: GoldenTrainStep;
}

const CASES = (JSON.parse(readFileSync(join(repoRoot(), 'test', 'golden', 'masks.json'), 'utf8')) as { cases: MaskCase[] }).cases;
const TOLERANCE = 1e-5;

/**
 * Training steps known to differ from Keras, each with why; an entry that starts matching fails
 * too, so the table never hides a fix.
 */
// Every training step matches now (an output that carries the mask weights the loss, as in
// Keras); an entry here would name a case known to differ, and why.
const TRAIN_KNOWN_GAPS: Readonly<Record<string, string>> = {};const isMaskWarning = (text: string) => text.includes('destroy the mask information');

test('the mask goldens cover every catalog layer between Masking and an RNN', () => {
  const classes = new Set(CASES.flatMap((c) => c.layers.slice(1, -1).map((l) => l.class_name)));
  for (const name of ['Dense', 'Activation', 'Dropout', 'Masking', 'SimpleRNN', 'LSTM', 'Conv1D', 'Conv2D', 'MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D', 'Reshape', 'Permute', 'Flatten', 'Lambda']) {
    assert.ok(classes.has(name), `no mask golden puts ${name} after Masking`);
  }
  assert.ok(CASES.some((c) => c.warnings.flat().some(isMaskWarning)) && CASES.some((c) => !c.warnings.flat().some(isMaskWarning)));
});

for (const golden of CASES) {
  test(`mask ${golden.slug}: Keras's warnings on the same lines, and Keras's outputs`, async () => {
    const ctx = createContext({ columns: 80, backend: 'cpu' });
    for (const [i, line] of golden.lines.entries()) {
      const result = await executeLine(ctx, line);
      assert.ok(result.ok, `${golden.slug}: '${line}' refused: ${result.blocks.map((b) => renderBlockText(b, 80)).join(' ')}`);
      const ours = result.blocks.flatMap((b) => (b.kind === 'warning' && isMaskWarning(b.text) ? [b.text] : []));
      assert.deepEqual(ours, golden.warnings[i]!.filter(isMaskWarning), `${golden.slug}: warnings of '${line}'`);
    }
    assert.deepEqual(ctx.session.model.state.layers.map((l) => [l.name, l.className]), golden.layers.map((l) => [l.name, l.class_name]));
    await useGoldenBackend();
    const model = await buildModel(ctx.session.model.plan());
    try {
      loadGoldenWeights(model, golden as unknown as GoldenArchitecture);
      const [ours] = predictArrays(model, goldenInput(golden as unknown as GoldenArchitecture));
      const keras = golden.forward.outputs[0]!;
      assert.deepEqual(ours!.shape, keras.shape, `${golden.slug}: output shape`);
      const want = decodeFloat32(keras.values);
      want.forEach((k, j) => {
        const got = ours!.values[j]!;
        assert.ok(Math.abs(got - k) <= TOLERANCE * Math.max(1, Math.abs(k)), `${golden.slug}: output element ${j} (sample ${Math.floor(j / (want.length / keras.shape[0]!))}): ours ${got}, Keras ${k}`);
      });
    } finally {
      disposeModel(model);
    }
  });
}

for (const golden of CASES.filter((c) => c.train)) {
  const train = golden.train!;
  test(`mask ${golden.slug}: one SGD(${train.learning_rate}) step gives Keras's ${train.loss} before and after`, async () => {
    const ctx = createContext({ columns: 80, backend: 'cpu' });
    for (const line of golden.lines) assert.ok((await executeLine(ctx, line)).ok, line);
    await useGoldenBackend();
    const model = await buildModel(ctx.session.model.plan());
    try {
      const asGolden = golden as unknown as GoldenArchitecture;
      loadGoldenWeights(model, asGolden);
      const { before, after } = await sgdStep(model, { loss: 'mse', learningRate: train.learning_rate }, goldenInput(asGolden), goldenTargets(asGolden));
      const close = (ours: number, keras: number) => Math.abs(ours - keras) <= 1e-4 * Math.max(1, Math.abs(keras));
      const problems = [
        ...(close(before, train.before) ? [] : [`loss before: ours ${before}, Keras ${train.before}`]),
        ...(close(after, train.after) ? [] : [`loss after: ours ${after}, Keras ${train.after}`]),
      ];
      if (golden.slug in TRAIN_KNOWN_GAPS) assert.ok(problems.length > 0, `${golden.slug} is in TRAIN_KNOWN_GAPS but now matches Keras; remove the entry`);
      else assert.deepEqual(problems, [], golden.slug);
    } finally {
      disposeModel(model);
    }
  });
}
