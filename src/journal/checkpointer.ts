import type { ModelPlan } from '../layers/types.js';
import type { KlayersSession } from '../session/klayers-session.js';
import { writeCheckpoint, type Checkpoint } from './checkpoint.js';

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

  /** Copies the weights of the session's model for `plan` now, and queues the write. */
  capture(session: KlayersSession, plan: ModelPlan, at: { cell: number; epoch: number; fitEpoch: number; fitEpochs: number }): void {
    const weights = session.engine.currentWeights(plan);
    if (!weights) return;
    const layers = weights.map((w) => ({ name: w.name, trainable: w.trainable, shapes: w.shapes.map((s) => [...s]) }));
    this.queue({ info: { ...at, plan, layers }, arrays: weights.flatMap((w) => [...w.arrays]) });
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
