/**
 * What `backend auto` picks for each reference model and batch size, measured as a user's first
 * fit measures it (klayers' own timing of training steps on every backend that loads, in a
 * cache of its own so an earlier pick is not reused). The ratio table reads klayers' numbers on
 * that backend: the bar is klayers as a user runs it, not the best of its backends.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend, measureBackendForFit } from '../../src/engine/index.js';
import { measuredChoice } from '../../src/engine/backend/measured-choice.js';
import { benchCompile, benchSplit, planFromSession } from './klayers-peer.js';
import type { PeerModel } from './models.js';

/** The pick per `model.key@batch`: the backend's name and the reason `backend` would show. */
export type AutoPicks = Map<string, { readonly name: string; readonly reason: string }>;

export const pickKey = (model: PeerModel, batch: number) => `${model.key}@${batch}`;

export async function autoPicks(models: readonly PeerModel[], batches: readonly number[]): Promise<AutoPicks> {
  const previous = process.env['KLAYERS_CACHE'];
  process.env['KLAYERS_CACHE'] = mkdtempSync(join(tmpdir(), 'klayers-bench-auto-'));
  const picks: AutoPicks = new Map();
  try {
    for (const model of models) {
      const plan = await planFromSession(model.lines);
      const [compile, train] = [benchCompile(model), benchSplit(model)];
      for (const batch of batches) {
        await initBackend('auto');
        await measureBackendForFit({ plan, compile, train, batchSize: batch });
        const choice = measuredChoice(plan);
        if (choice) picks.set(pickKey(model, batch), { name: choice.name, reason: choice.reason });
      }
    }
  } finally {
    if (previous === undefined) delete process.env['KLAYERS_CACHE'];
    else process.env['KLAYERS_CACHE'] = previous;
  }
  return picks;
}
