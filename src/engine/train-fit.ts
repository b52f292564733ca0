/**
 * `fit` on the session's model: tfjs's fit loop with one Keras-minded callback (FitRun). The
 * session's seeded generator stands in for Math.random for the whole fit (shuffles, Dropout).
 */
import * as tf from '@tensorflow/tfjs';
import { chooseTrainingBackend } from './backend.js';
import { FitRun } from './fit-run.js';
import { validationLogs } from './fit-validation.js';
import { sessionModel } from './model-store.js';
import { withRandom } from './seed.js';
import { compileSessionModel } from './train-compile.js';
import type { ArraySplit, FitOutcome, FitSpec } from './train-types.js';

class FitCallback extends tf.Callback {
  /** Validates a stopped epoch (null without validation data). */
  constructor(
    private readonly run: FitRun,
    private readonly validate: (() => Record<string, number>) | null,
  ) {
    super();
  }
  override async onEpochBegin(epoch: number): Promise<void> {
    this.run.epochBegin(epoch);
  }
  override async onBatchEnd(batch: number, logs?: tf.Logs): Promise<void> {
    await this.run.batchEnd(batch, (logs ?? {}) as never);
  }
  override async onEpochEnd(_epoch: number, logs?: tf.Logs): Promise<void> {
    const epochLogs = (logs ?? {}) as Record<string, number | tf.Scalar>;
    if (this.validate && this.run.stoppedInsideEpoch && !('val_loss' in epochLogs)) Object.assign(epochLogs, this.validate());
    this.run.epochEnd(epochLogs);
  }
}

/** x and y of a split as tensors (the caller disposes them). */
export function splitTensors(split: ArraySplit): [tf.Tensor, tf.Tensor] {
  return [tf.tensor(split.x, [split.size, ...split.xShape]), tf.tensor(split.y, [split.size, ...split.yShape])];
}

/** Train the session's model; resolves when the fit ends (finished, stopped or early-stopped). */
export async function fitSession(spec: FitSpec): Promise<FitOutcome> {
  const backend = await chooseTrainingBackend(spec.plan);
  const { entry, change } = await sessionModel(spec.key, spec.plan, spec.random);
  compileSessionModel(entry, spec.compile);
  const run = new FitRun(entry.model, spec);
  const tensors = [...splitTensors(spec.train), ...(spec.validation ? splitTensors(spec.validation) : [])];
  const [x, y, vx, vy] = tensors;
  spec.hooks?.setControl(run.control);
  try {
    run.start();
    await withRandom(spec.random, () =>
      entry.model.fit(x!, y!, {
        epochs: spec.epochs,
        batchSize: spec.batchSize,
        shuffle: spec.shuffle,
        verbose: 0,
        callbacks: [new FitCallback(run, vx && vy ? () => validationLogs(entry.model, vx, vy, spec.batchSize) : null)],
        ...(vx && vy ? { validationData: [vx, vy] as [tf.Tensor, tf.Tensor] } : {}),
        ...(spec.classWeight ? { classWeight: { ...spec.classWeight } } : {}),
      }),
    );
  } finally {
    tf.dispose(tensors);
    spec.hooks?.setControl(null);
  }
  run.finish();
  return { change, epochs: run.epochs, stepsPerEpoch: run.stepsPerEpoch, stopped: run.stopped, backend: backend.name };
}
