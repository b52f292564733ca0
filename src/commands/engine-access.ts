import type { ModelPlan } from '../layers/types.js';
import type { EngineAccess, WeightStat } from './types.js';

type Engine = typeof import('../engine/index.js');

/**
 * The engine behind a lazy door: tfjs is imported the first time a command needs it, so the
 * prompt and pure model editing never wait for it. The backend is chosen once, here.
 */
export function createEngineAccess(initialChoice = 'auto'): EngineAccess {
  let engine: Promise<Engine> | null = null;
  let choice = initialChoice;
  let built: { plan: ModelPlan; model: unknown } | null = null;

  async function load(): Promise<Engine> {
    engine ??= import('../engine/index.js').then(async (e) => {
      await e.initBackend(choice as 'auto');
      return e;
    });
    return engine;
  }

  return {
    async weightStats(session: object, plan: ModelPlan, layerName: string): Promise<readonly WeightStat[]> {
      const e = await load();
      const trained = e.trainingApi.currentModel(session, plan);
      if (trained) return e.layerWeightStats(trained, layerName);
      if (!built || built.plan !== plan) {
        if (built) e.disposeModel(built.model as never);
        built = { plan, model: await e.buildModel(plan) };
      }
      return e.layerWeightStats(built.model as never, layerName);
    },
    async unsupported(plan: ModelPlan) {
      const e = await load();
      return e.checkSupported(plan).map((p) => ({ message: p.message, hint: p.hint }));
    },
    async describeBackend(): Promise<string> {
      const e = await load();
      const info = e.backendInfo();
      return `Backend: ${info.name} (${info.reason})`;
    },
    async selectBackend(next: string): Promise<string> {
      choice = next;
      const e = await load();
      const info = await e.initBackend(next as 'auto');
      return `Backend: ${info.name} (${info.reason})`;
    },
    async training() {
      return (await load()).trainingApi;
    },
  };
}
