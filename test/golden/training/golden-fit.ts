/**
 * Reads test/golden/training.json (scripts/keras-golden/training.py) and runs one of its cases
 * through klayers' own fit (trainingApi.fit, the `fit` command's engine call) on the cpu backend:
 * the model typed into a session, Keras's deterministic weights installed, the same rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../src/commands/context.js';
import { executeLine } from '../../../src/commands/execute.js';
import { modelFilesApi, trainingApi, type SavedWeight } from '../../../src/engine/index.js';
import { useGoldenBackend } from '../backend.js';
import type { ArraySplit, EpochSummary, ResolvedCompile } from '../../../src/core/training.js';
import type { ModelPlan } from '../../../src/layers/types.js';
import type { ModelSlot } from '../../../src/engine/build/model-store.js';
import { parseLine } from '../../../src/lang/index.js';
import { parseOptimizer } from '../../../src/train/optimizer-config.js';
import { deterministic } from '../forward/deterministic.js';
import { repoRoot } from '../../helpers/repo-root.js';

interface WeightSpec {
  readonly path: string;
  readonly shape: readonly number[];
  readonly seed: number;
  readonly scale: number;
}

/** What every case shares: the optimizer call as typed, Keras's weights, the fit's shape. */
export interface TrainingCase {
  readonly name: string;
  readonly optimizer: string;
  readonly weights: readonly WeightSpec[];
  readonly rows: number;
  readonly batch_size: number;
  readonly epochs: number;
  readonly final_weights: readonly (readonly number[])[];
}

export interface TrainingGolden {
  readonly keras: string;
  readonly lines: readonly string[];
  readonly x_seed: number;
  readonly val_seed: number;
  readonly optimizers: readonly (TrainingCase & { readonly loss: readonly number[] })[];
  readonly class_weight: TrainingCase & {
    readonly val_rows: number;
    readonly class_weight: readonly number[];
    readonly history: Readonly<Record<string, readonly number[]>>;
  };
}

const HERE = join(repoRoot(), 'test', 'golden', 'training');

export function loadTrainingGolden(): TrainingGolden {
  return JSON.parse(readFileSync(join(HERE, '..', 'training.json'), 'utf8')) as TrainingGolden;
}

/** training.py's rows: forward.py's hash for x, one-hot class (3r + 1) % 7 % 3 for y. */
export function goldenRows(seed: number, rows: number): ArraySplit {
  const y = new Float32Array(rows * 3);
  for (let r = 0; r < rows; r++) y[r * 3 + (((3 * r + 1) % 7) % 3)] = 1;
  return { x: deterministic(seed, [rows, 4], 1.0), y, size: rows, xShape: [4], yShape: [3] };
}

async function planOf(lines: readonly string[]): Promise<ModelPlan> {
  const ctx = createContext({ columns: 80, backend: 'cpu' });
  for (const line of lines) if (!(await executeLine(ctx, line)).ok) throw new Error(`golden line refused: ${line}`);
  return ctx.session.model.plan();
}

function compileOf(optimizer: string, metrics: ResolvedCompile['metrics']): ResolvedCompile {
  const parsed = parseLine(optimizer);
  if (!parsed.ok || parsed.line.kind !== 'expr') throw new Error(`cannot parse ${optimizer}`);
  return { optimizer: parseOptimizer(parsed.line.value), loss: 'categorical_crossentropy', metrics };
}

/** Fits one case with klayers' fit (no shuffling, as Keras's shuffle=False); returns its epochs and final weights. */
export async function fitGoldenCase(
  golden: TrainingGolden,
  c: TrainingCase,
  options: { validation?: ArraySplit; classWeight?: readonly number[]; metrics?: ResolvedCompile['metrics'] } = {},
): Promise<{ epochs: readonly EpochSummary[]; weights: Float32Array[] }> {
  const key: ModelSlot = { entry: null };
  const plan = await planOf(golden.lines);
  await useGoldenBackend();
  const weights: SavedWeight[] = c.weights.map((w) => ({ name: w.path, shape: w.shape, values: deterministic(w.seed, w.shape, w.scale) }));
  await modelFilesApi.install(key, plan, weights);
  try {
    const outcome = await trainingApi.fit({
      slot: key,
      plan,
      compile: compileOf(c.optimizer, options.metrics ?? []),
      train: goldenRows(golden.x_seed, c.rows),
      validation: options.validation ?? null,
      epochs: c.epochs,
      batchSize: c.batch_size,
      shuffle: false,
      classWeight: options.classWeight ? Object.fromEntries(options.classWeight.map((w, i) => [i, w])) : null,
      patience: null,
      firstEpoch: 0,
      random: null,
      hooks: null,
    });
    const model = trainingApi.currentModel(key, plan)!;
    return { epochs: outcome.epochs, weights: model.getWeights().map((t) => t.dataSync() as Float32Array) };
  } finally {
    trainingApi.forget(key);
  }
}
