/**
 * Keras 3's own files: `save model FILE.keras` / `load model FILE.keras` (the native zip) and
 * `save weights FILE.weights.h5` / `load weights FILE.weights.h5` (its weights store), laid out
 * as Keras 3.15 writes them (src/keras-file/). Every check runs before the session changes: a
 * refused file leaves the model, its weights and the compile as they were.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { message, warning, type Block } from '../render/blocks.js';
import { analyzeModel, toModelPlan } from '../model/analyze.js';
import type { ModelState } from '../model/state.js';
import type { CompileConfig } from '../core/training.js';
import { formatCompile } from '../train/compile-config.js';
import { engineStep } from '../train/engine-call.js';
import { commandPath } from '../session-file/base-dir.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { fileError, fsErrorCode } from '../fs/file-errors.js';
import { readKerasArchive, writeKerasArchive } from '../keras-file/archive.js';
import { kerasFileJson } from '../keras-file/config-out.js';
import { readKerasConfig } from '../keras-file/config-in.js';
import { readH5, writeH5 } from '../keras-file/h5-store.js';
import { readStore, storeContents, type StoreLayer, type StoreOptimizer } from '../keras-file/weights-store.js';
import type { CommandContext } from './types.js';
import { asWord } from './words.js';

/** Larger files are refused unread: no Sequential model klayers can hold comes near. */
const MAX_FILE_BYTES = 4 * 1024 * 1024 * 1024;

/** The file word of `save weights FILE` / `load weights FILE`. */
export function fileArg(v: Value | undefined, command: string, example: string): string {
  const file = asWord(v);
  if (!file) throw new UserError(`${command} needs a file.`, `Example: ${command} ${example}`);
  return file;
}

async function readBytes(path: string, shown: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError(`${shown} is not a regular file.`, 'Give the path of the file Keras or klayers saved.');
    if (info.size > MAX_FILE_BYTES) throw new UserError(`${shown} has ${info.size.toLocaleString('en-US')} bytes, more than klayers reads (4 GB).`);
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (fsErrorCode(err) === 'ENOENT') throw new UserError(`No such file: ${shown}`, `Paths are relative to ${process.cwd()}.`);
    throw fileError(err, shown, 'read');
  }
}

function nonEmpty(ctx: CommandContext): ModelState {
  const state = ctx.session.model.state;
  if (state.layers.length === 0) throw new UserError('The model has no layers to save.', "Add some first: Dense(16, activation='relu').");
  return state;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The session's weights (and optimizer state when compiled) as an HDF5 weights store. */
async function storeBytes(ctx: CommandContext, state: ModelState): Promise<{ bytes: Uint8Array; params: number; optimizer: StoreOptimizer | null }> {
  const train = ctx.session.training;
  const source = await engineStep(() => ctx.session.engine.modelFileState(toModelPlan(state), train.random));
  const optimizer = train.compile?.optimizer ?? null;
  const { groups, datasets } = storeContents(state, source, optimizer);
  const params = source.layers.reduce((n, l) => n + l.weights.reduce((m, w) => m + w.values.length, 0), 0);
  return { bytes: await writeH5(groups, datasets), params, optimizer: optimizer ? source.optimizer : null };
}

function savedNote(ctx: CommandContext, params: number, optimizer: StoreOptimizer | null): string {
  const fits = ctx.session.training.fits;
  const weights = fits > 0 ? 'trained weights' : 'initial weights (not trained yet)';
  const opt = optimizer ? `, optimizer state (${plural(optimizer.iterations, 'iteration')})` : '';
  return `${plural(params, 'parameter')}, ${weights}${opt}`;
}

/** `save model FILE.keras`. */
export async function saveKerasModel(ctx: CommandContext, file: string): Promise<Block[]> {
  const state = nonEmpty(ctx);
  const now = new Date();
  const json = kerasFileJson(state, analyzeModel(state), ctx.session.training.compile, now);
  const store = await storeBytes(ctx, state);
  const zip = writeKerasArchive({ ...json, weights: store.bytes }, now);
  await writeFileAtomic(commandPath(ctx, file), zip).catch((err: unknown) => {
    throw fileError(err, file, 'write');
  });
  return [message(`Saved model '${state.modelName}' to ${file} (Keras 3 format: keras.saving.load_model opens it): ${savedNote(ctx, store.params, store.optimizer)}.`)];
}

/** `save weights FILE.weights.h5`. */
export async function saveWeightsFile(ctx: CommandContext, fileWord: Value | undefined): Promise<Block[]> {
  const file = fileArg(fileWord, 'save weights', 'models/iris.weights.h5');
  if (!file.endsWith('.weights.h5')) throw new UserError(`save weights writes Keras's FILE.weights.h5; got '${file}'.`, 'Example: save weights models/iris.weights.h5 (model.load_weights reads it).');
  const state = nonEmpty(ctx);
  const store = await storeBytes(ctx, state);
  await writeFileAtomic(commandPath(ctx, file), store.bytes).catch((err: unknown) => {
    throw fileError(err, file, 'write');
  });
  return [message(`Saved the weights of '${state.modelName}' to ${file}: ${savedNote(ctx, store.params, store.optimizer)}.`)];
}

async function install(ctx: CommandContext, state: ModelState, compile: CompileConfig | null, layers: readonly StoreLayer[], optimizer: StoreOptimizer | null): Promise<void> {
  const config = compile?.optimizer ?? null;
  await engineStep(() => ctx.session.engine.installModelState(toModelPlan(state), layers, optimizer && config ? { config, state: optimizer } : null));
}

/** `load model FILE.keras`: the file's model, weights, compile and optimizer state (one undoable edit). */
export async function loadKerasModel(ctx: CommandContext, file: string): Promise<Block[]> {
  const archive = readKerasArchive(await readBytes(commandPath(ctx, file), file), file);
  const { state, compile, compileNote } = readKerasConfig(archive.config, file);
  const { layers, params, optimizer } = await readH5(archive.weights, `${file}'s model.weights.h5`, (h5) => readStore(h5, state, compile?.optimizer ?? null, file));
  await install(ctx, state, compile, layers, optimizer);
  ctx.session.model.edit(() => state);
  ctx.session.training.compile = compile;
  const compiled = compile ? ` Compiled as saved: ${formatCompile(compile)}${optimizer ? `, optimizer state after ${plural(optimizer.iterations, 'iteration')}` : ''}.` : '';
  const out: Block[] = [message(`Loaded model '${state.modelName}' from ${file}: ${plural(state.layers.length, 'layer')}, ${plural(params, 'parameter')} with their saved weights (undo brings back the previous model).${compiled}`)];
  if (compileNote) out.push(warning(`Not compiled: ${compileNote} Compile it here before fit.`));
  return out;
}

/** `load weights FILE.weights.h5`: weights (and optimizer state when compiled) for the same layers. */
export async function loadWeightsFile(ctx: CommandContext, fileWord: Value | undefined): Promise<Block[]> {
  const file = fileArg(fileWord, 'load weights', 'models/iris.weights.h5');
  const state = ctx.session.model.state;
  if (state.layers.length === 0) throw new UserError('The model has no layers to load weights into.', 'Build the same layers first, or load model FILE.keras for the whole model.');
  if (!analyzeModel(state).built) throw new UserError('The model has no Input yet, so its weights have no shapes to load into.', 'Add one first, e.g. Input(shape=(4,)), or load the data.');
  const bytes = await readBytes(commandPath(ctx, file), file);
  const compile = ctx.session.training.compile;
  const { layers, params, optimizer } = await readH5(bytes, file, (h5) => readStore(h5, state, compile?.optimizer ?? null, file));
  await install(ctx, state, compile, layers, optimizer);
  const opt = optimizer ? `, and the optimizer state after ${plural(optimizer.iterations, 'iteration')}` : '';
  return [message(`Loaded ${plural(params, 'parameter')} from ${file} into '${state.modelName}'${opt}.`)];
}
