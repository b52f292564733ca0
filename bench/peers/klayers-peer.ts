/**
 * klayers on one backend as a peer: each model typed line by line into a session, trained by
 * klayers's own fit (`trainingApi.fit`, as `klayers replay` runs it: Keras's Adam, the fit's
 * bookkeeping, arrays made tensors per fit) and run by its own predict (in batches of 32, as the
 * `predict` command does). Each batch size keeps its own model, continued from round to round.
 */
import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';
import { initBackend, trainingApi, type BackendName } from '../../src/engine/index.js';
import type { FitSpec } from '../../src/engine/train/types.js';
import type { ModelSlot } from '../../src/engine/build/model-store.js';
import type { ArraySplit } from '../../src/core/training.js';
import type { ModelPlan } from '../../src/layers/types.js';
import { syntheticData, type Cell, type Peer, type PeerModel } from './models.js';

const ADAM = { className: 'Adam', config: { learning_rate: 1e-3, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } } as const;

/** How every peer compiles `model`: Adam(1e-3), categorical crossentropy for classes, else MSE. */
export function benchCompile(model: PeerModel): FitSpec['compile'] {
  return { optimizer: ADAM, loss: model.classes > 1 ? 'categorical_crossentropy' : 'mean_squared_error', metrics: [] };
}

/** `model`'s synthetic rows as the training split a fit takes. */
export function benchSplit(model: PeerModel): ArraySplit {
  const { x, y, yShape } = syntheticData(model);
  return { x, y, size: model.rows, xShape: model.inputShape, yShape };
}

/** The model typed into a fresh session, as a user would. */
export async function planFromSession(lines: readonly string[]): Promise<ModelPlan> {
  const ctx = createContext({ columns: 100, backend: 'cpu' });
  for (const line of lines) {
    const result = await executeLine(ctx, line);
    if (!result.ok) throw new Error(`bench model line refused: ${line}`);
  }
  return ctx.session.model.plan();
}

/** klayers on `backend`, or why it cannot run here. */
export async function startKlayersPeer(backend: BackendName): Promise<Peer | string> {
  try {
    await initBackend(backend);
  } catch (error) {
    return `klayers-${backend}: ${(error instanceof Error ? error.message : String(error)).split('.')[0]}`;
  }
  const plans = new Map<string, ModelPlan>();
  const data = new Map<string, ArraySplit>();
  const slots = new Map<string, { slot: ModelSlot; epochs: number }>();
  const warmed = new Set<string>();

  async function prepare(model: PeerModel, batch: number) {
    if (!plans.has(model.key)) {
      plans.set(model.key, await planFromSession(model.lines));
      // The session's own engine (cpu) took over tfjs's one global backend: give it back.
      await initBackend(backend);
    }
    if (!data.has(model.key)) data.set(model.key, benchSplit(model));
    const id = `${model.key}@${batch}`;
    if (!slots.has(id)) slots.set(id, { slot: { entry: null }, epochs: 0 });
    return { plan: plans.get(model.key)!, train: data.get(model.key)!, state: slots.get(id)! };
  }

  async function runOnce(cell: Cell): Promise<void> {
    const { plan, train, state } = await prepare(cell.model, cell.batch);
    if (cell.mode === 'predict') {
      await trainingApi.predict(state.slot, plan, train.x, train.size, train.xShape, null);
      return;
    }
    const spec: FitSpec = {
      slot: state.slot,
      plan,
      compile: benchCompile(cell.model),
      train,
      validation: null,
      epochs: 1,
      batchSize: cell.batch,
      shuffle: true,
      classWeight: null,
      patience: null,
      firstEpoch: state.epochs++,
      random: null,
      hooks: null,
    };
    await trainingApi.fit(spec);
  }

  return {
    name: `klayers-${backend}`,
    async measure(cell, minSeconds) {
      await initBackend(backend); // the peers take turns: switch back to this one
      const id = `${cell.model.key}@${cell.batch}/${cell.mode}`;
      if (!warmed.has(id)) {
        await runOnce(cell);
        warmed.add(id);
      }
      let runs = 0;
      const started = performance.now();
      let elapsed = 0;
      do {
        await runOnce(cell);
        runs++;
        elapsed = (performance.now() - started) / 1000;
      } while (elapsed < minSeconds);
      return (cell.model.rows * runs) / elapsed;
    },
    close() {
      for (const { slot } of slots.values()) trainingApi.forget(slot);
    },
  };
}
