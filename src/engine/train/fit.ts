/**
 * `fit` on the session's model: tfjs's fit loop with one Keras-minded callback (FitRun). The
 * session's seeded generator stands in for Math.random for the whole fit (shuffles, Dropout).
 */
import * as tf from '../backend/tf.js';
import { chooseTrainingBackend } from '../backend/backend.js';
import { FitRun } from './fit-run.js';
import { arrayData, directFit, directSteps, type DirectBatch, type DirectData } from './direct-fit.js';
import { streamedValidationLogs, validationLogs } from './fit-validation.js';
import { putBack, sessionModel } from '../build/model-store.js';
import { disposeModel } from '../build/build.js';
import { withRandom } from '../backend/seed.js';
import { compileSessionModel } from './compile.js';
import type { FitSpec } from './types.js';
import type { ArraySplit, FitOutcome, StreamSplit } from '../../core/training.js';
import { isStream, SHUFFLE_BUFFER_ROWS, type Batch, type ShuffleBuffer } from '../../core/training.js';
import seedrandom from 'seedrandom';

class FitCallback extends tf.Callback {
  /** Validates a stopped epoch (null without validation data). */
  constructor(
    private readonly run: FitRun,
    private readonly validate: (() => Promise<Record<string, number>>) | null,
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
    if (this.validate && this.run.stoppedInsideEpoch && !('val_loss' in epochLogs)) Object.assign(epochLogs, await this.validate());
    this.run.epochEnd(epochLogs);
  }
}

/** x and y of a split as tensors (the caller disposes them). */
export function splitTensors(split: ArraySplit): [tf.Tensor, tf.Tensor] {
  return [tf.tensor(split.x, [split.size, ...split.xShape]), tf.tensor(split.y, [split.size, ...split.yShape])];
}

/**
 * A streamed split as a tf.data dataset: each iteration (each epoch) is a new pass over the file,
 * shuffled anew when `shuffle` is given. Every pass started is recorded in `passes`, so the
 * caller can close a pass a stop left unfinished.
 */
export function streamDataset(split: StreamSplit, batchSize: number, shuffle: ShuffleBuffer | null, passes: AsyncGenerator<Batch>[]): tf.data.Dataset<tf.TensorContainer> {
  return tf.data.generator(() => {
    const pass = split.batches(batchSize, shuffle);
    passes.push(pass);
    const tensors = async function* () {
      for await (const b of pass) yield { xs: tf.tensor(b.x, [b.size, ...split.xShape]), ys: tf.tensor(b.y, [b.size, ...split.yShape]) };
    };
    return tensors() as unknown as Iterator<tf.TensorContainer>;
  });
}

/** A streamed split for the own loop: each epoch a new pass over the file (which a stop closes), as fitDataset reads it. */
function streamData(split: StreamSplit, batchSize: number, shuffle: ShuffleBuffer | null, validate: DirectData['validate']): DirectData {
  return {
    validate,
    async *epoch(): AsyncGenerator<DirectBatch> {
      for await (const b of split.batches(batchSize, shuffle)) yield { x: tf.tensor(b.x, [b.size, ...split.xShape]), y: tf.tensor(b.y, [b.size, ...split.yShape]), size: b.size };
    },
  };
}

/** Ends the passes over a file a fit or evaluate left open. */
export async function closePasses(passes: AsyncGenerator<Batch>[]): Promise<void> {
  await Promise.all(passes.map((p) => p.return(undefined)));
}

/** Train the session's model; resolves when the fit ends (finished, stopped or early-stopped). */
export async function fitSession(spec: FitSpec): Promise<FitOutcome> {
  const backend = await chooseTrainingBackend(spec.plan);
  // A fit that fails puts back the model stored before it (a failed line must not leave a model
  // built from random numbers the session has rolled back, or a replay would differ).
  const before = spec.slot.entry;
  const { entry, change } = await sessionModel(spec.slot, spec.plan, spec.random, true);
  const run = new FitRun(entry.model, spec);
  try {
    compileSessionModel(entry, spec.compile);
    spec.hooks?.setControl(run.control);
    try {
      run.start();
      await withRandom(spec.random, () => (isStream(spec.train) ? fitStreamed(entry.model, spec, run) : fitArrays(entry.model, spec, run)));
    } finally {
      spec.hooks?.setControl(null);
    }
  } catch (error) {
    try {
      putBack(spec.slot, before);
    } catch {
      // a broken backend may fail to free the new model; the fit's own error is the one to report
    }
    throw error;
  }
  if (before && before !== entry) disposeModel(before.model);
  run.finish();
  return { change, epochs: run.epochs, stepsPerEpoch: run.stepsPerEpoch, stopped: run.stopped, backend: backend.name };
}

const classWeightOf = (spec: FitSpec) => (spec.classWeight ? { classWeight: { ...spec.classWeight } } : {});

async function fitArrays(model: tf.LayersModel, spec: FitSpec, run: FitRun): Promise<void> {
  const [vx, vy] = spec.validation ? splitTensors(spec.validation as ArraySplit) : [];
  const validate = vx && vy ? async () => validationLogs(model, vx, vy, spec.batchSize) : null;
  const steps = directSteps(model, spec);
  try {
    // The own loop copies its batches from the split's arrays; tfjs's fit takes tensors.
    if (steps) return await directFit(model, steps, spec, run, arrayData(spec.train as ArraySplit, spec, validate));
    const [x, y] = splitTensors(spec.train as ArraySplit);
    try {
      await model.fit(x, y, {
        epochs: spec.epochs,
        batchSize: spec.batchSize,
        shuffle: spec.shuffle,
        verbose: 0,
        callbacks: [new FitCallback(run, validate)],
        ...(vx && vy ? { validationData: [vx, vy] as [tf.Tensor, tf.Tensor] } : {}),
        ...classWeightOf(spec),
      });
    } finally {
      tf.dispose([x, y]);
    }
  } finally {
    tf.dispose([vx, vy].filter((t) => t !== undefined));
  }
}

/**
 * A fit over a file too large to hold: the own loop or tfjs's fitDataset reads the training split
 * batch by batch each epoch (shuffled within a buffer, as tf.data's shuffle), then the validation
 * split. A streamed data set streams every split.
 */
async function fitStreamed(model: tf.LayersModel, spec: FitSpec, run: FitRun): Promise<void> {
  const passes: AsyncGenerator<Batch>[] = [];
  const shuffle = spec.shuffle ? { rows: SHUFFLE_BUFFER_ROWS, random: seedrandom.alea(String((spec.random ?? Math.random)())) } : null;
  const validation = spec.validation ? streamDataset(spec.validation as StreamSplit, spec.batchSize, null, passes) : null;
  const validate = validation ? () => streamedValidationLogs(model, validation) : null;
  const steps = directSteps(model, spec);
  try {
    if (steps) return await directFit(model, steps, spec, run, streamData(spec.train as StreamSplit, spec.batchSize, shuffle, validate));
    await model.fitDataset(streamDataset(spec.train as StreamSplit, spec.batchSize, shuffle, passes), {
      epochs: spec.epochs,
      verbose: 0,
      callbacks: [new FitCallback(run, validate)],
      ...(validation ? { validationData: validation } : {}),
      ...classWeightOf(spec),
    });
  } finally {
    await closePasses(passes);
  }
}
