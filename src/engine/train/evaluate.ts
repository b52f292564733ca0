/**
 * `evaluate` and `predict` on the session's model (built on first use, seeded when the session
 * is). Keras's evaluate and predict both run in batches of 32.
 */
import * as tf from '../backend/tf.js';
import type { ModelPlan } from '../../layers/types.js';
import { chooseTrainingBackend } from '../backend/backend.js';
import { sortedLogs } from './fit-run.js';
import { sessionModel, type ModelSlot } from '../build/model-store.js';
import { compileSessionModel } from './compile.js';
import { closePasses, splitTensors, streamDataset } from './fit.js';
import { isStream, type Batch } from '../../core/training.js';
import type { EvaluateOutcome, PredictOutcome, ResolvedCompile, SplitData } from '../../core/training.js';

const BATCH_SIZE = 32;

/** Loss (with the weight penalty, as Keras) and metrics over a whole split. */
export async function evaluateSession(slot: ModelSlot, plan: ModelPlan, compile: ResolvedCompile, split: SplitData, random: (() => number) | null): Promise<EvaluateOutcome> {
  await chooseTrainingBackend(plan);
  const { entry, change } = await sessionModel(slot, plan, random);
  compileSessionModel(entry, compile);
  const model = entry.model;
  const started = performance.now();
  const withPenalty = (out: tf.Scalar | tf.Scalar[]): number[] =>
    tf.tidy(() => {
      const scalars = Array.isArray(out) ? out : [out];
      const penalty = model.calculateLosses().reduce((a: tf.Tensor, b) => tf.add(a, b), tf.scalar(0));
      return scalars.map((s, i) => (i === 0 ? tf.add(s, penalty) : s).dataSync()[0]!);
    });
  let values: number[];
  if (isStream(split)) {
    const passes: AsyncGenerator<Batch>[] = [];
    try {
      const out = await model.evaluateDataset(streamDataset(split, BATCH_SIZE, null, passes) as tf.data.Dataset<{ xs: tf.Tensor; ys: tf.Tensor }>, {});
      values = withPenalty(out);
      tf.dispose(out);
    } finally {
      await closePasses(passes);
    }
  } else {
    values = tf.tidy(() => {
      const [x, y] = splitTensors(split);
      return withPenalty(model.evaluate(x, y, { batchSize: BATCH_SIZE }));
    });
  }
  const names = ['loss', ...compile.metrics.map((m) => m.name)];
  const logs = sortedLogs(Object.fromEntries(names.map((n, i) => [n, values[i]!])));
  return { change, logs, steps: Math.ceil(split.size / BATCH_SIZE), elapsedMs: performance.now() - started };
}

/** The model's outputs for `rows` samples of `xShape`. */
export async function predictSession(slot: ModelSlot, plan: ModelPlan, x: Float32Array, rows: number, xShape: readonly number[], random: (() => number) | null): Promise<PredictOutcome> {
  await chooseTrainingBackend(plan);
  const { entry, change } = await sessionModel(slot, plan, random);
  const out = tf.tidy(() => {
    const result = entry.model.predict(tf.tensor(x, [rows, ...xShape]), { batchSize: BATCH_SIZE });
    return Array.isArray(result) ? result[0]! : result;
  });
  const values = out.dataSync() as Float32Array;
  const units = out.shape.slice(1).reduce((a, b) => a * b!, 1) as number;
  out.dispose();
  return { change, values: Float32Array.from(values), units };
}
