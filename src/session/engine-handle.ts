/**
 * The session's one door to the engine (tfjs). tfjs is imported the first time something needs
 * it, so the prompt and pure model editing never wait for it; the backend is chosen once, here.
 * The handle also owns the session's built model (a ModelSlot the engine fills), so a later fit
 * continues from the current weights, as a Keras model object does.
 */
import type { ModelPlan } from '../layers/types.js';
import type { EvaluateOutcome, FitOutcome, OptimizerConfig, PredictOutcome, ResolvedCompile, SplitData, TrainingEvent } from '../core/training.js';
import type { FitSpec } from '../engine/train/types.js';
import type { ModelDirContents, SavedWeight, SaveModelOutcome } from '../engine/io/model-files.js';
import type { WeightStats } from '../engine/build/weight-stats.js';
import type { LayerState, ModelFileState, OptimizerState } from '../engine/train/keras-state.js';
import type { ModelSlot } from '../engine/build/model-store.js';
import type { WriteOps } from '../fs/atomic-write.js';
import { UserError } from '../core/user-error.js';
import { checkMemory, SYSTEM_MEMORY, type MemoryLimits, type MemoryUse } from './memory-budget.js';

type Engine = typeof import('../engine/index.js');

export type { WeightStats, ModelFileState, OptimizerState };

/** One layer's weights as a checkpoint keeps them, in the plan's layer order. */
interface LayerWeights {
  readonly name: string;
  readonly trainable: boolean;
  readonly shapes: readonly (readonly number[])[];
  readonly arrays: readonly Float32Array[];
}

/** A fit as the session asks for it: the engine handle adds where the model lives. */
export type FitRequest = Omit<FitSpec, 'slot'>;

/** Called for every event of every fit, whoever runs it (the journal's epoch checkpoints). */
type FitListener = (event: TrainingEvent, fit: FitRequest) => void;

export interface EngineHandle {
  /** Why the engine could not build this model (an argument tfjs cannot honour); empty when it can. */
  unsupported(plan: ModelPlan): Promise<readonly { readonly message: string; readonly hint?: string }[]>;
  /**
   * Weights of one layer: the session's trained model when it has one for this plan, else a model
   * built on demand with fresh initial weights; empty when the layer has none.
   */
  weightStats(plan: ModelPlan, layerName: string): Promise<readonly WeightStats[]>;
  /** `Backend: wasm (…why…)` */
  describeBackend(): Promise<string>;
  selectBackend(choice: string): Promise<string>;
  fit(request: FitRequest): Promise<FitOutcome>;
  evaluate(plan: ModelPlan, compile: ResolvedCompile, split: SplitData, random: (() => number) | null): Promise<EvaluateOutcome>;
  predict(plan: ModelPlan, x: Float32Array, rows: number, xShape: readonly number[], random: (() => number) | null): Promise<PredictOutcome>;
  /** `save model DIR`: the session's model (built first if need be) as tfjs Layers files. */
  saveModel(spec: { plan: ModelPlan; random: (() => number) | null; dir: string; metadata: Record<string, unknown>; ops?: WriteOps }): Promise<SaveModelOutcome>;
  readModelDir(dir: string): Promise<ModelDirContents>;
  /** Puts saved weights (tfjs's order) into the session's model for `plan`. */
  installWeights(plan: ModelPlan, weights: readonly SavedWeight[]): Promise<void>;
  /** Every layer's weights and the optimizer's state (the model built first if need be), for Keras's files. */
  modelFileState(plan: ModelPlan, random: (() => number) | null): Promise<ModelFileState>;
  /** Puts each layer's saved weights and, when given, an optimizer with its state into the session's model. */
  installModelState(plan: ModelPlan, layers: readonly LayerState[], optimizer: { config: ResolvedCompile['optimizer']; state: OptimizerState } | null): Promise<void>;
  /**
   * A copy of the current weights of the session's model for `plan`, taken at once (inside a
   * fit's epoch-end event, before the next batch changes them); null when it has none.
   */
  /** Keras's ` Optimizer params:` count for the session's model and this optimizer; null when it has none built. */
  optimizerParams(plan: ModelPlan, optimizer: OptimizerConfig): number | null;
  currentWeights(plan: ModelPlan): LayerWeights[] | null;
  /** Whether the session has a built (possibly trained) model. */
  readonly hasModel: boolean;
  /** Adds a listener to every fit; returns its removal. */
  onFit(listener: FitListener): () => void;
  /** Frees the session's model and optimizer. */
  forget(): Promise<void>;
}

/** Rows of one predict or evaluate batch in the engine (Keras's default, as tfjs's). */
const RUN_BATCH = 32;

/**
 * The engine handle of one session, with the backend `initialChoice` (`auto`, `wasm`, `cpu`, …).
 * Every call that would build or run a model first checks that it fits in `memory`.
 */
export function createEngineHandle(initialChoice = 'auto', memory: MemoryLimits = SYSTEM_MEMORY): EngineHandle {
  let engine: Promise<Engine> | null = null;
  let loaded: Engine | null = null;
  let choice = initialChoice;
  let scratch: { plan: ModelPlan; model: unknown } | null = null;
  const slot: ModelSlot = { entry: null };
  const listeners = new Set<FitListener>();

  function load(): Promise<Engine> {
    engine ??= import('../engine/index.js').then(async (e) => {
      await e.initBackend(choice as 'auto');
      loaded = e;
      return e;
    });
    return engine;
  }

  /** Refuses `use` of `plan` (a UserError) when it cannot fit; builds and allocates nothing. */
  async function ensureFits(e: Engine, plan: ModelPlan, use: MemoryUse): Promise<void> {
    const backend = use.kind === 'build' ? e.backendInfo().name : await e.plannedTrainingBackend(plan);
    checkMemory(plan, use, backend, memory);
  }

  /** Frees every model this handle holds (the session's and the scratch one); never throws. */
  function release(e: Engine): void {
    try {
      if (scratch) e.disposeModel(scratch.model as never);
    } finally {
      scratch = null;
      try {
        e.trainingApi.forget(slot);
      } finally {
        slot.entry = null;
      }
    }
  }

  /** Whether `use` of `plan` fits in the memory of backend `name` (the measurement skips it if not). */
  function fitsOn(plan: ModelPlan, use: MemoryUse, name: string): boolean {
    try {
      checkMemory(plan, use, name, memory);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs an engine call; when it fails in a way that leaves the backend broken (a wasm fault),
   * the backend is restarted so the next command works, and the error says so.
   */
  async function guarded<T>(e: Engine, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof UserError) throw err;
      const note = await e.recoverBackend(err, () => release(e));
      if (note === null) throw err;
      const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new UserError(`tfjs could not run this: ${detail}`, note);
    }
  }

  const describe = (info: { name: string; reason: string }) => `Backend: ${info.name} (${info.reason})`;

  return {
    async unsupported(plan) {
      const e = await load();
      return e.checkSupported(plan).map((p) => ({ message: p.message, ...(p.hint !== undefined ? { hint: p.hint } : {}) }));
    },
    async weightStats(plan, layerName) {
      const e = await load();
      return guarded(e, async () => {
        const trained = e.trainingApi.currentModel(slot, plan);
        if (trained) return e.layerWeightStats(trained, layerName);
        if (!scratch || scratch.plan !== plan) {
          await ensureFits(e, plan, { kind: 'build' });
          if (scratch) e.disposeModel(scratch.model as never);
          scratch = null;
          scratch = { plan, model: await e.buildModel(plan) };
        }
        return e.layerWeightStats(scratch.model as never, layerName);
      });
    },
    async describeBackend() {
      return describe((await load()).backendInfo());
    },
    async selectBackend(next) {
      choice = next;
      const e = await load();
      return describe(await e.initBackend(next as 'auto'));
    },
    async fit(request) {
      const e = await load();
      const rows = request.train.size > 0 ? Math.min(request.batchSize, request.train.size) : request.batchSize;
      // Under `auto`: the fastest backend for this architecture, timed on a throwaway copy.
      await e.measureBackendForFit(request, (name) => fitsOn(request.plan, { kind: 'fit', batchSize: rows }, name));
      await ensureFits(e, request.plan, { kind: 'fit', batchSize: rows });
      if (listeners.size === 0) return guarded(e, () => e.trainingApi.fit({ ...request, slot }));
      const own = request.hooks;
      const hooks = {
        onEvent(event: TrainingEvent) {
          for (const listen of listeners) listen(event, request);
          own?.onEvent(event);
        },
        setControl: (control: Parameters<NonNullable<typeof own>['setControl']>[0]) => own?.setControl(control),
      };
      return guarded(e, () => e.trainingApi.fit({ ...request, slot, hooks }));
    },
    async evaluate(plan, compile, split, random) {
      const e = await load();
      await ensureFits(e, plan, { kind: 'run', rows: Math.min(RUN_BATCH, Math.max(1, split.size)) });
      return guarded(e, () => e.trainingApi.evaluate(slot, plan, compile, split, random));
    },
    async predict(plan, x, rows, xShape, random) {
      const e = await load();
      await ensureFits(e, plan, { kind: 'run', rows: Math.min(RUN_BATCH, Math.max(1, rows)) });
      return guarded(e, () => e.trainingApi.predict(slot, plan, x, rows, xShape, random));
    },
    async saveModel(spec) {
      const e = await load();
      if (!e.trainingApi.currentModel(slot, spec.plan)) await ensureFits(e, spec.plan, { kind: 'build' });
      return guarded(e, () => e.modelFilesApi.save({ ...spec, slot }));
    },
    async readModelDir(dir) {
      return (await load()).modelFilesApi.read(dir);
    },
    async installWeights(plan, weights) {
      const e = await load();
      await ensureFits(e, plan, { kind: 'build' });
      return guarded(e, () => e.modelFilesApi.install(slot, plan, weights));
    },
    async modelFileState(plan, random) {
      const e = await load();
      if (!e.trainingApi.currentModel(slot, plan)) await ensureFits(e, plan, { kind: 'build' });
      return guarded(e, () => e.kerasStateApi.read(slot, plan, random));
    },
    async installModelState(plan, layers, optimizer) {
      const e = await load();
      await ensureFits(e, plan, { kind: 'build' });
      return guarded(e, () => e.kerasStateApi.install(slot, plan, layers, optimizer));
    },
    optimizerParams(plan, optimizer) {
      return loaded ? loaded.trainingApi.optimizerParams(slot, plan, optimizer) : null;
    },
    currentWeights(plan) {
      const e = loaded;
      const model = e?.trainingApi.currentModel(slot, plan);
      if (!e || !model) return null;
      const layers: LayerWeights[] = [];
      for (const layer of plan.layers) {
        let weights: { shape: readonly number[]; values: Float32Array | Int32Array }[];
        try {
          weights = e.getLayerWeights(model, layer.name);
        } catch {
          continue; // no such layer in the built model (it has no weights to keep)
        }
        if (weights.length === 0) continue;
        layers.push({ name: layer.name, trainable: layer.args['trainable'] !== false, shapes: weights.map((w) => [...w.shape]), arrays: weights.map((w) => Float32Array.from(w.values)) });
      }
      return layers;
    },
    get hasModel() {
      return slot.entry !== null;
    },
    onFit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async forget() {
      if (!engine) return;
      (await engine).trainingApi.forget(slot);
    },
  };
}
