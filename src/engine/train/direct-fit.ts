/**
 * klayers' own training loop, for models whose every layer has a step without tfjs's gradient
 * tape (src/engine/layers/direct.ts). It is tfjs's fit loop (and fitDataset's, for a split
 * streamed from its file), step for step: the same shuffle of row indices (tfjs's, from the
 * session's generator) or of the file's shuffle buffer, the same batches, the loss and metrics
 * averaged as tfjs's BaseLogger averages them (float32 sums weighted by batch size), a validation
 * pass at the end of each epoch, the optimizer's update with each variable's gradient. What it
 * leaves out is the tape: each layer computes its own gradient. On small models the tape, the
 * per-op scopes and the callbacks took more time than the kernels.
 *
 * Models with anything the steps do not cover train through tfjs's fit: a layer without a step,
 * weight or activity regularizers (their penalties join the loss on the tape), masks, or class
 * weights.
 */
import * as tf from '../backend/tf.js';
import { directOf, ownLoop, type DirectLayer, type DirectPass } from '../layers/direct.js';
import { withStepArrays } from '../backend/native/own-kernels.js';
import { hostMeanLoss, lossFunction } from './losses.js';
import { metricFunction } from './metrics.js';
import type { FitRun } from './fit-run.js';
import type { FitSpec } from './types.js';
import type { ArraySplit, ResolvedCompile } from '../../core/training.js';

export interface Step {
  readonly layer: tf.layers.Layer;
  readonly direct: DirectLayer;
}

/** The model's layers as direct steps, or null when the model needs tfjs's fit (see the file comment) or KLAYERS_OWN_LOOP=0 asks for it. */
export function directSteps(model: tf.LayersModel, spec: Pick<FitSpec, 'classWeight'>): Step[] | null {
  if (!ownLoop() || spec.classWeight || model.outputs.length !== 1 || model.inputs.length !== 1) return null;
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const steps: Step[] = [];
  for (const layer of layers) {
    const direct = directOf(layer);
    if (!direct || layer.losses.length > 0 || layer.inboundNodes.length !== 1) return null;
    steps.push({ layer, direct });
  }
  return steps.length > 0 ? steps : null;
}

/** tfjs's makeBatches: [start, end) of each batch. */
function batches(rows: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < rows; start += size) out.push([start, Math.min(rows, start + size)]);
  return out;
}

/**
 * The rows `ids` of a split as a tensor, copied on the host: the split's values are in this
 * process's memory, so a batch is one copy and one upload instead of an index tensor and a gather.
 */
function rowsOf(values: Float32Array, shape: readonly number[], ids: readonly number[]): tf.Tensor {
  const per = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(ids.length * per);
  ids.forEach((id, i) => out.set(values.subarray(id * per, (id + 1) * per), i * per));
  return tf.tensor(out, [ids.length, ...shape], 'float32');
}

/** BaseLogger's running totals: float32, as tfjs keeps them in scalars. */
class Totals {
  private readonly sums = new Map<string, number>();
  private seen = 0;
  add(values: Record<string, number>, size: number): void {
    this.seen += size;
    for (const [k, v] of Object.entries(values)) this.sums.set(k, Math.fround((this.sums.get(k) ?? 0) + Math.fround(v * size)));
  }
  means(): Record<string, number> {
    const scale = Math.fround(1 / this.seen);
    return Object.fromEntries([...this.sums].map(([k, v]) => [k, Math.fround(scale * v)]));
  }
}

/** The mean loss and its gradient through a tape over the loss alone (for losses without a host form). */
function tapedLoss(loss: (y: tf.Tensor, p: tf.Tensor) => tf.Tensor, y: tf.Tensor, pred: tf.Tensor): { value: number; gradient: tf.Tensor } {
  const { value, grads } = tf.valueAndGrads((p: tf.Tensor) => tf.mean(loss(y, p)))([pred]);
  return { value: value.dataSync()[0]!, gradient: grads[0]! };
}

/**
 * One training step on the batch (x, y): forward through every layer, the loss and its gradient
 * (on the host, or a tape over the loss alone), back through every layer, then the optimizer's update.
 * Returns the batch's loss and metrics. (`backend auto` times this step, as the fit runs it.)
 */
export function trainBatch(model: tf.LayersModel, steps: readonly Step[], compile: ResolvedCompile, x: tf.Tensor, y: tf.Tensor): Record<string, number> {
  const loss = lossFunction(compile.loss);
  return withStepArrays(() => tf.tidy(() => {
    const passes: DirectPass[] = [];
    let h = x;
    steps.forEach(({ direct }, i) => {
      const pass = direct.forward(h, i > 0);
      passes.push(pass);
      h = pass.y;
    });
    const pred = h;
    const { value, gradient } = hostMeanLoss(compile.loss, y, pred) ?? tapedLoss(loss, y, pred);
    const logs: Record<string, number> = { loss: value };
    for (const m of compile.metrics) logs[m.name] = tf.mean(metricFunction(m.fn, m.name)(y, pred)).dataSync()[0]!;
    const named: tf.NamedTensorMap = {};
    let dy: tf.Tensor | null = gradient;
    for (let i = steps.length - 1; i >= 0 && dy; i--) {
      const { dx, grads: weightGrads } = passes[i]!.backward(dy);
      const { layer } = steps[i]!;
      layer.weights.forEach((w, j) => {
        if (w.trainable && layer.trainable) named[(w.read() as tf.Variable).name] = weightGrads[j]!;
      });
      dy = dx;
    }
    model.optimizer.applyGradients(named);
    return logs;
  }));
}

/** One training batch of a split as tensors (disposed after its step). */
export interface DirectBatch {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
  readonly size: number;
}

/** What the own loop trains on: each epoch's batches, and the validation pass (null without validation data). */
export interface DirectData {
  epoch(): AsyncIterable<DirectBatch>;
  readonly validate: (() => Promise<Record<string, number>>) | null;
}

/** A split held in memory, in tfjs's batches: one index array, shuffled in place at the start of every epoch. */
export function arrayData(train: ArraySplit, spec: FitSpec, validate: DirectData['validate']): DirectData {
  const order = Array.from({ length: train.size }, (_, i) => i);
  return {
    validate,
    async *epoch() {
      if (spec.shuffle) tf.util.shuffle(order);
      for (const [start, end] of batches(train.size, spec.batchSize)) {
        const ids = order.slice(start, end);
        yield { x: rowsOf(train.x, train.xShape, ids), y: rowsOf(train.y, train.yShape, ids), size: end - start };
      }
    },
  };
}

/**
 * tfjs's fit (arrays) and fitDataset (a streamed split), with klayers' steps in place of the tape;
 * `run` gets tfjs's callback calls. An epoch whose batches all ran is validated, and so is one
 * stopped inside (Keras validates it too).
 */
export async function directFit(model: tf.LayersModel, steps: readonly Step[], spec: FitSpec, run: FitRun, data: DirectData): Promise<void> {
  model.stopTraining = false;
  for (let epoch = 0; epoch < spec.epochs; epoch++) {
    run.epochBegin(epoch);
    const totals = new Totals();
    let b = 0;
    let finished = true;
    for await (const batch of data.epoch()) {
      let logs: Record<string, number>;
      try {
        logs = trainBatch(model, steps, spec.compile, batch.x, batch.y);
      } finally {
        tf.dispose([batch.x, batch.y]);
      }
      totals.add(logs, batch.size);
      await run.batchEnd(b++, { ...logs, size: batch.size });
      if (model.stopTraining) {
        finished = false;
        break;
      }
    }
    const epochLogs = totals.means();
    if (data.validate && (finished || run.stoppedInsideEpoch)) Object.assign(epochLogs, await data.validate());
    run.epochEnd(epochLogs);
    if (model.stopTraining) break;
  }
}
