/**
 * A tfjs IO handler for a directory on disk: `model.json` + `weights.bin`, the tfjs Layers format
 * that `tf.loadLayersModel` reads. Plain tfjs has no `file://` handler without tfjs-node, so this
 * one does the reading and writing itself; both files are written atomically (temp + rename).
 */
import * as tf from '../backend/tf.js';
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeFilesAtomic, type WriteOps } from '../../fs/atomic-write.js';
import { EngineUnsupported } from '../keras/unsupported.js';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
/** The other name a save alternates to, so the previous model's weights stay until model.json moves on. */
const WEIGHTS_NEXT = 'weights.1.bin';

/** `model.json` as tfjs writes it (the fields klayers reads). */
export interface ModelJson {
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly modelTopology?: { readonly class_name?: string; readonly config?: unknown } & Record<string, unknown>;
  readonly weightsManifest?: readonly { readonly paths: readonly string[]; readonly weights: tf.io.WeightsManifestEntry[] }[];
  readonly userDefinedMetadata?: Record<string, unknown>;
}

/** The weight files the model.json in `dir` names (none when there is none, or it is unreadable). */
async function namedWeights(dir: string): Promise<string[]> {
  try {
    const json = JSON.parse(await fs.readFile(join(dir, MODEL_JSON), 'utf8')) as ModelJson;
    return (json.weightsManifest ?? []).flatMap((g) => (Array.isArray(g.paths) ? g.paths.filter((p) => typeof p === 'string') : []));
  } catch {
    return [];
  }
}

/**
 * Saves into `dir` (created if missing); `ops` lets tests inject a failing writer. The weights go
 * under the name the current model.json does not use (weights.bin or weights.1.bin), then
 * model.json is renamed over the old one: that one rename switches models, so a kill at any
 * point leaves the previous model or the new one, whole. The previous weights are removed after.
 */
export function directorySaveHandler(dir: string, ops?: WriteOps): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      await fs.mkdir(dir, { recursive: true });
      const previous = await namedWeights(dir);
      const weightsFile = previous.includes(WEIGHTS_BIN) ? WEIGHTS_NEXT : WEIGHTS_BIN;
      const weights = artifacts.weightData ? new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)) : new Uint8Array(0);
      const json: ModelJson = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology as ModelJson['modelTopology'],
        weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata as Record<string, unknown> } : {}),
      };
      // The weights first: model.json points at them, so a reader never sees json without its weights.
      await writeFilesAtomic([{ path: join(dir, weightsFile), data: weights }, { path: join(dir, MODEL_JSON), data: JSON.stringify(json) }], ops);
      // The previous model's weight files, now named by nothing (only plain .bin names inside dir).
      for (const p of previous) {
        if (p !== weightsFile && /^[\w.-]+\.bin$/.test(p)) await fs.rm(join(dir, p), { force: true }).catch(() => {});
      }
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

/** Whether `path` is outside `root` (both resolved). */
const leaves = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
};

/** Reads and checks `dir/model.json`; throws EngineUnsupported saying what is wrong. */
export async function readModelJson(dir: string): Promise<ModelJson> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat) throw new EngineUnsupported(`No model directory '${dir}'.`, 'Give the directory that `save model DIR` wrote (it holds model.json and weights.bin).');
  if (!stat.isDirectory()) throw new EngineUnsupported(`'${dir}' is a file, not a model directory.`, 'Give the directory that holds model.json and weights.bin.');
  const path = join(dir, MODEL_JSON);
  const real = await fs.realpath(path).catch(() => path);
  if (leaves(await fs.realpath(dir), real)) throw new EngineUnsupported(`${path} is a link to ${real}, outside the model directory; klayers does not follow it.`, 'Copy the model files into the directory.');
  const text = await fs.readFile(path, 'utf8').catch(() => null);
  if (text === null) throw new EngineUnsupported(`No ${MODEL_JSON} in '${dir}'.`, 'Save one first: save model DIR.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new EngineUnsupported(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const model = json as ModelJson;
  if (typeof json !== 'object' || json === null || !model.modelTopology || !Array.isArray(model.weightsManifest)) {
    throw new EngineUnsupported(`${path} is not a tfjs Layers model (it has no modelTopology and weightsManifest).`, 'klayers loads the model.json that `save model DIR` or tfjs `model.save` writes.');
  }
  const entryProblem = manifestProblem(model.weightsManifest);
  if (entryProblem) throw new EngineUnsupported(`${path}: weightsManifest ${entryProblem}.`, 'Save the model again (save model DIR), or restore model.json from the directory it came from.');
  if (model.format !== undefined && model.format !== 'layers-model') {
    throw new EngineUnsupported(`${path} is a tfjs '${model.format}', not a Layers model.`, 'klayers loads Layers models (format "layers-model").');
  }
  return model;
}

/** What is wrong with a weights manifest's shape (groups of file paths and weight entries), or null. */
function manifestProblem(manifest: readonly unknown[]): string | null {
  for (const [g, group] of manifest.entries()) {
    if (typeof group !== 'object' || group === null) return `group ${g + 1} is ${group === null ? 'null' : 'not an object'}`;
    const { paths, weights } = group as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && p !== '')) return `group ${g + 1} has a path that is not a file name`;
    if (!Array.isArray(weights)) return `group ${g + 1} has no weights list`;
    for (const [w, entry] of weights.entries()) {
      const e = entry as { name?: unknown; shape?: unknown; dtype?: unknown } | null;
      const shapeOk = Array.isArray(e?.shape) && e.shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0);
      if (typeof e !== 'object' || e === null || typeof e.name !== 'string' || !shapeOk || typeof e.dtype !== 'string') {
        return `group ${g + 1}, weight ${w + 1} is not a weight entry (a name, a shape of whole numbers and a dtype)`;
      }
    }
  }
  return null;
}

/** The weight files the manifest names, joined; a path leaving `dir` (by name or by symlink) is refused. */
export async function readWeightData(dir: string, json: ModelJson): Promise<{ specs: tf.io.WeightsManifestEntry[]; data: ArrayBuffer }> {
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  const root = resolve(dir);
  const realRoot = await fs.realpath(root).catch(() => root);
  for (const group of json.weightsManifest ?? []) {
    specs.push(...group.weights);
    for (const p of group.paths) {
      const full = resolve(root, p);
      if (leaves(root, full)) throw new EngineUnsupported(`model.json names a weights file outside its directory: '${p}'.`);
      const real = await fs.realpath(full).catch(() => full);
      if (leaves(realRoot, real)) throw new EngineUnsupported(`The weights file '${p}' in '${dir}' is a link to ${real}, outside the model directory; klayers does not follow it.`, 'Copy the weights into the model directory.');
      const bytes = await fs.readFile(full).catch(() => null);
      if (!bytes) throw new EngineUnsupported(`Missing weights file '${p}' in '${dir}'.`, 'Copy the whole model directory (model.json and weights.bin).');
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  }
  return { specs, data: tf.io.concatenateArrayBuffers(buffers) };
}

/** A load handler over the same files, for `tf.loadLayersModel(directoryLoadHandler(dir))`. */
export function directoryLoadHandler(dir: string): tf.io.IOHandler {
  return {
    async load(): Promise<tf.io.ModelArtifacts> {
      const json = await readModelJson(dir);
      return tf.io.getModelArtifactsForJSON(json as tf.io.ModelJSON, async () => {
        const { specs, data } = await readWeightData(dir, json);
        return [specs, data];
      });
    },
  };
}
