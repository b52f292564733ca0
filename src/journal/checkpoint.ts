/**
 * A weights checkpoint: `checkpoint.json` (which model, which epoch, the weights' layout) naming
 * its own `weights-….bin`. The bin is written first under a new name, then the json is renamed
 * over the old one, so the json on disk always names a complete bin: a crash at any moment leaves
 * the previous checkpoint or the new one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ModelPlan } from '../layers/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';

const CHECKPOINT_JSON = 'checkpoint.json';

/** One layer's weights, in Keras's order (kernel, recurrent_kernel, bias). */
interface CheckpointLayer {
  readonly name: string;
  /** Whether the layer trains: tfjs lists a frozen layer's weights after the trainable ones. */
  readonly trainable: boolean;
  readonly shapes: readonly (readonly number[])[];
}

export interface CheckpointInfo {
  readonly format: 'klayers-checkpoint';
  /** Journal cell index of the fit that wrote it (commands before it built the model). */
  readonly cell: number;
  /** Session-wide 0-based epoch that just ended. */
  readonly epoch: number;
  /** That epoch within its fit (1-based), and the fit's epochs: `7/50`. */
  readonly fitEpoch: number;
  readonly fitEpochs: number;
  readonly plan: ModelPlan;
  readonly layers: readonly CheckpointLayer[];
  readonly weightsFile: string;
  readonly savedAt: string;
}

export interface Checkpoint {
  readonly info: Omit<CheckpointInfo, 'weightsFile' | 'savedAt' | 'format'>;
  /** Every weight of every layer, in `layers` order. */
  readonly arrays: readonly Float32Array[];
}

function concat(arrays: readonly Float32Array[]): Uint8Array {
  const total = arrays.reduce((n, a) => n + a.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const a of arrays) (all.set(a, at), (at += a.length));
  return new Uint8Array(all.buffer);
}

/** Writes a checkpoint into `dir` (made if missing), then removes the bins it replaced. */
export async function writeCheckpoint(dir: string, checkpoint: Checkpoint, now = new Date()): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const weightsFile = `weights-${checkpoint.info.epoch}-${randomBytes(4).toString('hex')}.bin`;
  await writeFileAtomic(join(dir, weightsFile), concat(checkpoint.arrays));
  const info: CheckpointInfo = { format: 'klayers-checkpoint', ...checkpoint.info, weightsFile, savedAt: now.toISOString() };
  await writeFileAtomic(join(dir, CHECKPOINT_JSON), JSON.stringify(info));
  for (const name of await fs.readdir(dir)) {
    if (/^weights-.*\.bin$/.test(name) && name !== weightsFile) await fs.rm(join(dir, name), { force: true });
  }
}

/** The checkpoint in `dir`, or null when there is none; throws when it is damaged. */
export async function readCheckpoint(dir: string): Promise<{ info: CheckpointInfo; arrays: Float32Array[] } | null> {
  const text = await fs.readFile(join(dir, CHECKPOINT_JSON), 'utf8').catch(() => null);
  if (text === null) return null;
  const info = JSON.parse(text) as CheckpointInfo;
  if (info.format !== 'klayers-checkpoint' || !/^weights-[\w-]+\.bin$/.test(info.weightsFile)) throw new Error(`${join(dir, CHECKPOINT_JSON)} is not a klayers checkpoint`);
  const bytes = await fs.readFile(join(dir, info.weightsFile));
  const sizes = info.layers.flatMap((l) => l.shapes.map((s) => s.reduce((a, b) => a * b, 1)));
  const expected = sizes.reduce((a, b) => a + b, 0) * 4;
  if (bytes.byteLength !== expected) throw new Error(`${info.weightsFile} has ${bytes.byteLength} bytes; the checkpoint describes ${expected}`);
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const arrays: Float32Array[] = [];
  let at = 0;
  for (const n of sizes) (arrays.push(all.slice(at, at + n)), (at += n));
  return { info, arrays };
}
