import type { ModelPlan } from '../layers/types.js';
import { writeCheckpoint, type Checkpoint } from './checkpoint.js';

type Engine = typeof import('../engine/index.js');

/**
 * Takes a checkpoint at the end of every epoch: the weights are copied out synchronously, inside
 * the epoch-end event (the next batch would change them), and written in the background, the
 * newest one winning when the disk is slower than the epochs.
 */
export class Checkpointer {
  private next: { checkpoint: Checkpoint; resolve?: () => void } | null = null;
  private writing: Promise<void> | null = null;
  /** The last write error, if any (a full disk must not stop a fit). */
  problem: string | null = null;

  constructor(readonly dir: string) {}

  /** Copies the weights of the model the engine holds for `key` now, and queues the write. */
  capture(engine: Engine, key: object, plan: ModelPlan, at: { cell: number; epoch: number; fitEpoch: number; fitEpochs: number }): void {
    const model = engine.trainingApi.currentModel(key, plan);
    if (!model) return;
    const layers = [];
    const arrays: Float32Array[] = [];
    for (const layer of plan.layers) {
      let weights: { shape: readonly number[]; values: Float32Array | Int32Array }[];
      try {
        weights = engine.getLayerWeights(model, layer.name);
      } catch {
        continue; // no such layer in the built model (it has no weights to keep)
      }
      if (weights.length === 0) continue;
      layers.push({ name: layer.name, trainable: layer.args['trainable'] !== false, shapes: weights.map((w) => [...w.shape]) });
      for (const w of weights) arrays.push(Float32Array.from(w.values));
    }
    this.queue({ info: { ...at, plan, layers }, arrays });
  }

  /** Queues a checkpoint for writing (a newer one replaces one not yet started). */
  queue(checkpoint: Checkpoint): void {
    this.next = { checkpoint };
    this.writing ??= this.drain().finally(() => (this.writing = null));
  }

  /** Resolves once every queued checkpoint is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const { checkpoint } = this.next;
      this.next = null;
      try {
        await writeCheckpoint(this.dir, checkpoint);
      } catch (err) {
        this.problem = (err as Error).message;
      }
    }
  }
}
