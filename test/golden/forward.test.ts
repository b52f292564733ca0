/**
 * Keras 3's own numbers for every golden architecture (scripts/keras-golden/forward.py): each model
 * is typed into klayers, built by the engine on the cpu backend, given the same deterministic
 * weights Keras had, and must predict what Keras predicted within 1e-5 (relative, or absolute
 * below 1). A few models also take one SGD step; the losses before and after must match Keras's
 * within 1e-4. Failures name the model, the output (or layer) and the worst element.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disposeModel, predictArrays, sgdStep, type KerasLossName } from '../../src/engine/index.js';
import { loadGoldenArchitectures, type GoldenArchitecture } from './architectures/golden-file.js';
import { decodeFloat32 } from './forward/deterministic.js';
import { buildGolden, goldenInput, goldenTargets, loadGoldenWeights } from './forward/golden-model.js';

/** Models klayers refuses at the edit (see KNOWN_GAPS in architectures.test.ts); nothing to run. */
const REFUSED: Readonly<Record<string, string>> = {
  float64_layer: "dtype='float64': tfjs layers compute in float32 only",
  conv2d_groups: 'groups>1: tfjs has no grouped convolutions',
};

/**
 * Training steps that cannot match Keras yet, each with why. An entry that starts matching fails
 * the test too, so the table never hides a fix.
 */
// Every training golden matches now; an entry here would name a model whose one-step loss is
// known to differ from Keras, and why.
const TRAIN_KNOWN_GAPS: Readonly<Record<string, string>> = {};

const FORWARD_TOLERANCE = 1e-5;
const LOSS_TOLERANCE = 1e-4;

/** |ours - keras| <= tol * max(1, |keras|): relative for large values, absolute near zero. */
function withinTolerance(ours: number, keras: number, tol: number): boolean {
  return Math.abs(ours - keras) <= tol * Math.max(1, Math.abs(keras));
}

/** The worst element of one output, or null when every element is within tolerance. */
function worstElement(ours: Float32Array | Int32Array, keras: Float32Array, shape: readonly number[]): string | null {
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < keras.length; i++) {
    const excess = Math.abs(ours[i]! - keras[i]!) / Math.max(1, Math.abs(keras[i]!));
    if (!(excess <= worstExcess)) {
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
      worst = i;
    }
  }
  if (worst < 0 || worstExcess <= FORWARD_TOLERANCE) return null;
  const index: number[] = [];
  let rest = worst;
  for (let d = shape.length - 1; d >= 0; d--) {
    index.unshift(rest % shape[d]!);
    rest = Math.floor(rest / shape[d]!);
  }
  return `worst element [${index.join(', ')}]: ours ${ours[worst]}, Keras ${keras[worst]} (scaled error ${worstExcess.toExponential(2)})`;
}

function compareOutputs(golden: GoldenArchitecture, outputs: ReturnType<typeof predictArrays>): string[] {
  const problems: string[] = [];
  if (outputs.length !== golden.forward.outputs.length) {
    problems.push(`${outputs.length} outputs, Keras ${golden.forward.outputs.length}`);
  }
  golden.forward.outputs.forEach((k, i) => {
    const ours = outputs[i];
    if (!ours) return;
    if (JSON.stringify(ours.shape) !== JSON.stringify(k.shape)) {
      problems.push(`output ${i}: shape [${ours.shape.join(', ')}], Keras [${k.shape.join(', ')}]`);
      return;
    }
    const bad = worstElement(ours.values, decodeFloat32(k.values), k.shape);
    if (bad) problems.push(`output ${i}: ${bad}`);
  });
  return problems;
}

const goldens = loadGoldenArchitectures();

test('the forward goldens cover every model, and models with a training step are at least 4', () => {
  for (const g of goldens) assert.ok(g.forward, `${g.slug}: no forward golden; regenerate it with architectures.py ${g.slug}`);
  const trained = goldens.filter((g) => g.train);
  assert.ok(trained.length >= 4, `only ${trained.length} training-step goldens`);
  for (const loss of ['categorical_crossentropy', 'mse']) assert.ok(trained.some((g) => g.train!.loss === loss), `no training step with ${loss}`);
});

for (const golden of goldens) {
  test(`forward ${golden.slug}: predictions equal Keras's with the same weights`, async () => {
    const built = await buildGolden(golden);
    if ('refused' in built) {
      assert.ok(golden.slug in REFUSED, `${golden.slug}: klayers refused ${built.refused}`);
      return;
    }
    assert.ok(!(golden.slug in REFUSED), `${golden.slug} is listed in REFUSED but now builds; remove the entry`);
    try {
      loadGoldenWeights(built.model, golden);
      const problems = compareOutputs(golden, predictArrays(built.model, goldenInput(golden)));
      assert.equal(problems.length, 0, `${golden.slug} differs from Keras ${golden.keras}:\n  ${problems.map((p) => `${golden.slug} / ${p}`).join('\n  ')}`);
    } finally {
      disposeModel(built.model);
    }
  });
}

for (const golden of goldens.filter((g) => g.train)) {
  const train = golden.train!;
  test(`train step ${golden.slug}: ${train.loss} before and after one SGD(${train.learning_rate}) step equal Keras's`, async () => {
    const built = await buildGolden(golden);
    assert.ok('model' in built, `${golden.slug}: klayers refused ${'refused' in built ? built.refused : ''}`);
    try {
      loadGoldenWeights(built.model, golden);
      const options = { loss: train.loss as KerasLossName, learningRate: train.learning_rate };
      const { before, after } = await sgdStep(built.model, options, goldenInput(golden), goldenTargets(golden));
      const problems = [
        ...(withinTolerance(before, train.before, LOSS_TOLERANCE) ? [] : [`loss before: ours ${before}, Keras ${train.before}`]),
        ...(withinTolerance(after, train.after, LOSS_TOLERANCE) ? [] : [`loss after: ours ${after}, Keras ${train.after}`]),
      ];
      const gap = TRAIN_KNOWN_GAPS[golden.slug];
      if (gap) assert.ok(problems.length > 0, `${golden.slug} is listed in TRAIN_KNOWN_GAPS but now matches Keras; remove the entry`);
      else assert.equal(problems.length, 0, `${golden.slug} (${train.loss}):\n  ${problems.join('\n  ')}`);
    } finally {
      disposeModel(built.model);
    }
  });
}
