/**
 * `save model DIR` / `load model DIR` on the engine side: the session's stored model (trained, or
 * built from the plan with fresh weights) written as tfjs Layers files, and weights read back and
 * installed into the session's stored model. Arguments and results are plain data.
 */
import * as tf from '../backend/tf.js';
import type { ModelPlan } from '../../layers/types.js';
import type { WriteOps } from '../../fs/atomic-write.js';
import { buildModel, disposeModel } from '../build/build.js';
import { EngineUnsupported } from '../keras/unsupported.js';
import { directorySaveHandler, readModelJson, readWeightData, type ModelJson } from './file-handler.js';
import { registerKlayersClasses } from './custom-classes.js';
import { sessionModel, type ModelSlot } from '../build/model-store.js';
import { type ModelChange } from '../../core/training.js';

interface SaveModelSpec {
  /** Holds the session's model, which is saved (built first if need be). */
  readonly slot: ModelSlot;
  readonly plan: ModelPlan;
  /** The session's seeded generator, used only if the model must be built first. */
  readonly random: (() => number) | null;
  readonly dir: string;
  /** Stored as model.json's `userDefinedMetadata` (JSON-able). */
  readonly metadata: Record<string, unknown>;
  readonly ops?: WriteOps;
}

export interface SaveModelOutcome {
  readonly change: ModelChange;
  readonly params: number;
  readonly bytes: number;
}

/** Writes the session's model to `dir` (model.json + its weights file, as one atomic step). */
async function saveSessionModel(spec: SaveModelSpec): Promise<SaveModelOutcome> {
  registerKlayersClasses();
  const { entry, change } = await sessionModel(spec.slot, spec.plan, spec.random);
  entry.model.setUserDefinedMetadata(spec.metadata);
  const result = await entry.model.save(directorySaveHandler(spec.dir, spec.ops));
  return { change, params: entry.model.countParams(), bytes: result.modelArtifactsInfo.weightDataBytes ?? 0 };
}

/** One saved weight, by its tfjs name (`dense/kernel`). */
export interface SavedWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

export interface ModelDirContents {
  /** `tfjs-layers 4.22.0` or whatever wrote it. */
  readonly generatedBy: string | null;
  readonly metadata: Record<string, unknown> | null;
  readonly weights: readonly SavedWeight[];
}

/** Reads `dir`: its metadata and every weight as float32 arrays. */
async function readModelDir(dir: string): Promise<ModelDirContents> {
  const json: ModelJson = await readModelJson(dir);
  const { specs, data } = await readWeightData(dir, json);
  const expected = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (data.byteLength !== expected) {
    throw new EngineUnsupported(`weights.bin in '${dir}' has ${data.byteLength} bytes; model.json describes ${expected}.`, 'The files do not belong together: save the model again.');
  }
  return { generatedBy: json.generatedBy ?? null, metadata: json.userDefinedMetadata ?? null, weights: decodeFloat32(specs, data) };
}

/** Weights in manifest order (by position: names need not be unique), float32 only. */
function decodeFloat32(specs: readonly tf.io.WeightsManifestEntry[], data: ArrayBuffer): SavedWeight[] {
  let offset = 0;
  return specs.map((s) => {
    if (s.dtype !== 'float32' || s.quantization) throw new EngineUnsupported(`Weight '${s.name}' is stored as ${s.quantization ? 'quantized ' : ''}${s.dtype}; klayers reads float32 weights.`);
    const count = s.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(data.slice(offset, offset + count * 4));
    offset += count * 4;
    return { name: s.name, shape: [...s.shape], values };
  });
}

const shapeText = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

/** Weight i of `model` is `weights[i]`; throws naming the first weight whose shape differs. */
function checkWeights(model: tf.LayersModel, weights: readonly SavedWeight[]): void {
  const vars = model.weights;
  if (vars.length !== weights.length) {
    throw new EngineUnsupported(`The saved model has ${weights.length} weights; the model built from its layers has ${vars.length}.`, 'The files do not match their layers: save the model again.');
  }
  vars.forEach((v, i) => {
    const w = weights[i]!;
    const name = (v as unknown as { originalName?: string }).originalName ?? v.name;
    if (w.shape.length !== v.shape.length || w.shape.some((d, j) => d !== v.shape[j])) {
      throw new EngineUnsupported(`Weight '${w.name}' has shape ${shapeText(w.shape)} in weights.bin; layer weight '${name}' needs ${shapeText(v.shape as number[])}.`, 'The files do not match their layers: save the model again.');
    }
  });
}

/**
 * Makes the session's stored model `plan` with exactly these weights (in tfjs weight order) and
 * a fresh optimizer. Shapes are checked on a separate build first, so a mismatch leaves the
 * session's stored model untouched.
 */
async function installSessionWeights(slot: ModelSlot, plan: ModelPlan, weights: readonly SavedWeight[]): Promise<void> {
  const probe = await buildModel(plan);
  try {
    checkWeights(probe, weights);
  } finally {
    disposeModel(probe);
  }
  const { entry } = await sessionModel(slot, plan, null);
  // Assigned as they are (not through setWeights, which would apply constraints).
  entry.model.weights.forEach((v, i) => {
    const w = weights[i]!;
    tf.tidy(() => (v.read() as tf.Variable).assign(tf.tensor(w.values, [...w.shape], 'float32')));
  });
  entry.optimizer?.dispose();
  entry.optimizer = null;
  entry.optimizerKey = null;
  entry.compileKey = null;
}

/** What commands reach through the engine for model files. */
export const modelFilesApi = { save: saveSessionModel, read: readModelDir, install: installSessionWeights, registerClasses: registerKlayersClasses };
export type ModelFilesApi = typeof modelFilesApi;
