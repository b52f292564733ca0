/**
 * Times a few training steps of a model on the backend in use, on a throwaway copy: its own
 * build, its own optimizer and its own seeded generator, so the session's model, its weights
 * and the session's seeded random stream are exactly as they were (a seeded fit gives the same
 * losses with or without the measurement). The step timed is the one the fit will run: klayers'
 * own loop's when the model has one (its kernels differ by backend: native's own kernels run only
 * there), else tfjs's trainOnBatch.
 */
import * as tf from '../backend/tf.js';
import seedrandom from 'seedrandom';
import type { ModelPlan } from '../../layers/types.js';
import type { ResolvedCompile } from '../../core/training.js';
import { buildModel, disposeModel } from '../build/build.js';
import { withRandom } from '../backend/seed.js';
import { compileSessionModel } from '../train/compile.js';
import { directSteps, trainBatch } from '../train/direct-fit.js';
import type { SessionModel } from '../build/model-store.js';

/** One batch of training data as plain arrays (a slice of the user's training split, or zeros). */
export interface StepBatch {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
  readonly xShape: readonly number[];
  readonly yShape: readonly number[];
}

/**
 * How long to time: steps after the warm-up (one step, then up to `warmSteps` more while they take
 * under a third of the budget: the first steps of a fast model run slower, JavaScript not yet
 * compiled), until `budgetMs` has passed or `maxSteps` ran (when the first step alone takes
 * `budgetMs`, it is the measurement).
 */
export interface StepBudget {
  readonly budgetMs: number;
  readonly maxSteps: number;
  readonly warmSteps?: number;
}

export const DEFAULT_BUDGET: StepBudget = { budgetMs: 300, maxSteps: 400, warmSteps: 10 };

/** Training steps per second on the current backend, how many steps were timed, and whose loop's step. */
export interface StepTiming {
  readonly stepsPerSecond: number;
  readonly steps: number;
  readonly loop: 'own' | 'tfjs';
}

/** The measurement's own generator: the same every time, and never the session's. */
const MEASURE_SEED = 'klayers-backend-measure';

/**
 * Steps/s of `plan` compiled with `compile` on one batch, on the current backend. The first step
 * (which builds the training function and warms the kernels) is not timed. `clock` is in ms.
 */
export async function timeTrainingSteps(plan: ModelPlan, compile: ResolvedCompile, batch: StepBatch, budget: StepBudget = DEFAULT_BUDGET, clock: () => number = () => performance.now()): Promise<StepTiming> {
  return withRandom(seedrandom.alea(MEASURE_SEED), async () => {
    const model = await buildModel(plan);
    const entry: SessionModel = { planKey: '', plan, model, compileKey: null, optimizerKey: null, optimizer: null };
    const x = tf.tensor(batch.x, [batch.rows, ...batch.xShape]);
    const y = tf.tensor(batch.y, [batch.rows, ...batch.yShape]);
    try {
      compileSessionModel(entry, compile);
      const own = directSteps(model, { classWeight: null });
      const loop = own ? 'own' : 'tfjs';
      const step = own ? async () => void trainBatch(model, own, compile, x, y) : async () => void (await model.trainOnBatch(x, y));
      const warmStart = clock();
      await step();
      let started = clock();
      // A backend whose warm-up step alone outlasts the budget is slow enough to tell by that one
      // step (tfjs compiles nothing ahead), so a slow backend costs one step, not two.
      if (started - warmStart >= budget.budgetMs) return { stepsPerSecond: 1000 / (started - warmStart), steps: 1, loop };
      for (let w = 0; w < (budget.warmSteps ?? 0) && started - warmStart < budget.budgetMs / 3; w++) {
        await step();
        started = clock();
      }
      let steps = 0;
      let elapsed = 0;
      do {
        await step();
        steps++;
        elapsed = clock() - started;
      } while (elapsed < budget.budgetMs && steps < budget.maxSteps);
      return { stepsPerSecond: steps / (Math.max(elapsed, 1e-3) / 1000), steps, loop };
    } finally {
      tf.dispose([x, y]);
      disposeModel(model);
      entry.optimizer?.dispose();
    }
  });
}

/** The batch a measurement trains on: the first `rows` rows of an in-memory split, else zeros. */
export function measurementBatch(split: { readonly size: number; readonly xShape: readonly number[]; readonly yShape: readonly number[]; readonly x?: Float32Array; readonly y?: Float32Array }, batchSize: number): StepBatch {
  const rows = Math.max(1, split.size > 0 ? Math.min(batchSize, split.size) : batchSize);
  const xSize = split.xShape.reduce((a, b) => a * b, 1);
  const ySize = split.yShape.reduce((a, b) => a * b, 1);
  const x = split.x && split.x.length >= rows * xSize ? split.x.slice(0, rows * xSize) : new Float32Array(rows * xSize);
  const y = split.y && split.y.length >= rows * ySize ? split.y.slice(0, rows * ySize) : new Float32Array(rows * ySize);
  return { x, y, rows, xShape: split.xShape, yShape: split.yShape };
}

/** The first `rows` rows of a measurement batch. */
export function firstRows(batch: StepBatch, rows: number): StepBatch {
  const n = Math.min(rows, batch.rows);
  return { ...batch, rows: n, x: batch.x.subarray(0, (batch.x.length / batch.rows) * n), y: batch.y.subarray(0, (batch.y.length / batch.rows) * n) };
}
