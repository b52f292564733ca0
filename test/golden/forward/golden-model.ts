/**
 * A golden architecture built in klayers the way a user gets it (lines -> session -> plan ->
 * engine), with the golden deterministic weights loaded by layer name in Keras's order.
 */
import { createContext } from '../../../src/commands/context.js';
import { executeLine } from '../../../src/commands/execute.js';
import { renderBlockText } from '../../../src/render/block-text.js';
import { buildModel, setLayerWeights, type ArrayData, type BuiltModel } from '../../../src/engine/index.js';
import { isCall, type Value } from '../../../src/lang/ast.js';
import type { ModelPlan } from '../../../src/layers/types.js';
import type { GoldenArchitecture } from '../architectures/golden-file.js';
import { useGoldenBackend } from '../backend.js';
import { checksumDifference, decodeFloat32, deterministic } from './deterministic.js';

export type Built = { readonly model: BuiltModel } | { readonly refused: string };

/** Types the golden lines into a fresh session and builds the plan; a refused line is reported. */
export async function buildGolden(golden: GoldenArchitecture): Promise<Built> {
  const ctx = createContext({ columns: 80, backend: 'cpu' });
  for (const line of golden.lines) {
    const result = await executeLine(ctx, line);
    if (!result.ok) return { refused: `'${line}': ${result.blocks.map((b) => renderBlockText(b, 80)).join(' ')}` };
  }
  await useGoldenBackend();
  return { model: await buildModel(withoutOrthogonalDraws(ctx.session.model.plan())) };
}

/**
 * The plan with Orthogonal initializers swapped for Zeros. The golden weights replace every initial
 * value anyway, and tfjs's Orthogonal (a QR decomposition on the cpu backend) takes ~10 s for an
 * LSTM(64), which would dominate this suite. Initializers are checked in test/engine/regularizers.test.ts.
 */
function withoutOrthogonalDraws(plan: ModelPlan): ModelPlan {
  const zeros: Value = { kind: 'call', name: 'Zeros', args: [], kwargs: {}, column: 0 };
  const layers = plan.layers.map((layer) => {
    const args = Object.fromEntries(
      Object.entries(layer.args).map(([k, v]) => [k, isCall(v) && v.name === 'Orthogonal' ? zeros : v]),
    );
    return { ...layer, args };
  });
  return { ...plan, layers };
}

/** Load every golden weight; throws naming the model, layer and weight on any mismatch. */
export function loadGoldenWeights(model: BuiltModel, golden: GoldenArchitecture): void {
  const golds = golden.forward.weights;
  for (const layer of model.layers) {
    if (layer.weights.length > 0 && !(layer.name in golds)) {
      throw new Error(`${golden.slug} / ${layer.name}: klayers has weights here, Keras has none`);
    }
  }
  for (const [name, specs] of Object.entries(golds)) {
    const arrays = specs.map((s) => {
      const values = deterministic(s.seed, s.shape, s.scale);
      const bad = checksumDifference(values, s.checksum);
      if (bad) throw new Error(`${golden.slug} / ${name} / ${s.path}: regenerated weights differ from Keras's: ${bad}`);
      return { shape: s.shape, values };
    });
    try {
      setLayerWeights(model, name, arrays);
    } catch (e) {
      throw new Error(`${golden.slug} / ${name}: ${(e as Error).message}`);
    }
  }
}

/** The golden input batch: deterministic values, masked steps set, ints rounded. */
export function goldenInput(golden: GoldenArchitecture): ArrayData {
  const spec = golden.forward.input;
  const values = deterministic(spec.seed, spec.shape, spec.scale);
  const step = spec.shape.slice(2).reduce((a, b) => a * b, 1);
  spec.masked_steps.forEach((steps, b) => {
    for (const t of steps) values.fill(spec.mask_value ?? 0, (b * spec.shape[1]! + t) * step, (b * spec.shape[1]! + t + 1) * step);
  });
  // No ties at .5 occur (the values are k/2^23 - 1), so Math.round equals numpy's round here.
  const final = spec.int_scale === null ? values : Int32Array.from(values, (v) => Math.round(v * spec.int_scale!));
  const bad = checksumDifference(final, spec.checksum);
  if (bad) throw new Error(`${golden.slug}: regenerated input differs from Keras's: ${bad}`);
  return { shape: spec.shape, values: final, dtype: spec.int_scale === null ? 'float32' : 'int32' };
}

/** The golden targets of the training step. */
export function goldenTargets(golden: GoldenArchitecture): ArrayData {
  const y = golden.train!.y;
  return { shape: y.shape, values: decodeFloat32(y.values) };
}
