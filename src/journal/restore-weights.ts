import type { KlayersSession } from '../session/klayers-session.js';
import type { CheckpointInfo } from './checkpoint.js';

/**
 * Puts checkpointed weights into the session's model through the engine's model-file functions.
 * They take tfjs's weight order: every trainable layer's weights, then the frozen layers'.
 * Returns why it could not, or null when the weights are in.
 */
export async function installCheckpoint(session: KlayersSession, info: CheckpointInfo, arrays: readonly Float32Array[]): Promise<string | null> {
  const plan = session.model.plan();
  if (JSON.stringify(plan) !== JSON.stringify(info.plan)) return 'the checkpoint was taken of a different model than the journal rebuilds';
  const perLayer: { trainable: boolean; weights: { name: string; shape: readonly number[]; values: Float32Array }[] }[] = [];
  let at = 0;
  for (const layer of info.layers) {
    const weights = layer.shapes.map((shape, i) => ({ name: `${layer.name}/${i}`, shape, values: arrays[at + i]! }));
    at += layer.shapes.length;
    perLayer.push({ trainable: layer.trainable, weights });
  }
  const ordered = [...perLayer.filter((l) => l.trainable), ...perLayer.filter((l) => !l.trainable)].flatMap((l) => l.weights);
  try {
    await session.engine.installWeights(plan, ordered);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
