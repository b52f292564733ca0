import { commandPath } from '../session-file/base-dir.js';
import { UserError } from '../core/user-error.js';
import { message, text, warning, type Block } from '../render/blocks.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { kerasModelJson } from '../export/keras-json.js';
import { kerasScript } from '../export/keras-script.js';
import { type CommandContext, defineCommand } from './types.js';
import { pathArg, simple, wordArg } from './options.js';
import { asWord, checkArity } from './words.js';
import { fileError } from '../fs/file-errors.js';

function requireLayers(ctx: CommandContext): void {
  if (ctx.session.model.state.layers.length === 0) throw new UserError('The model has no layers to export.', "Add some first: Dense(16, activation='relu').");
}

/** Epochs of the last fit, from the session's history. */
function lastFitEpochs(ctx: CommandContext): number | null {
  const train = ctx.session.training;
  if (train.fits === 0) return null;
  return train.history.filter((e) => e.fit === train.fits).length || null;
}

async function exportKeras(ctx: CommandContext, file: string | undefined): Promise<Block[]> {
  if (!file) throw new UserError('export keras needs a file name.', 'Example: export keras model.py');
  requireLayers(ctx);
  const script = kerasScript({
    state: ctx.session.model.state,
    analysis: ctx.session.model.analysis(),
    compile: ctx.session.training.compile,
    loaded: ctx.session.data,
    lastFitEpochs: lastFitEpochs(ctx),
    lastFit: ctx.session.training.lastFit,
  });
  await writeFileAtomic(commandPath(ctx, file), script).catch((err: unknown) => {
    throw fileError(err, file, 'write');
  });
  const lines = script.split('\n').length;
  return [message(`Wrote ${file} (${lines} lines): the Keras 3 script for model '${ctx.session.model.state.modelName}'. Run it with KERAS_BACKEND=jax python ${file}.`)];
}

async function exportJson(ctx: CommandContext, file: string | undefined): Promise<Block[]> {
  requireLayers(ctx);
  const { json, notes } = kerasModelJson(ctx.session.model.state, ctx.session.model.analysis(), ctx.session.training.compile);
  const body = JSON.stringify(json, null, 2);
  const out: Block[] = notes.map((n) => warning(n));
  if (!file) return [text(body), ...out];
  await writeFileAtomic(commandPath(ctx, file), `${body}\n`).catch((err: unknown) => {
    throw fileError(err, file, 'write');
  });
  return [message(`Wrote ${file}: the model's Keras JSON config (keras.models.model_from_json reads it).`), ...out];
}

export const exportCommand = defineCommand({
  name: 'export',
  group: 'Engine',
  summary: 'export keras FILE.py writes a runnable Keras 3 script (data, model, compile, fit); export json prints the Keras JSON config.',
  options: simple([{ ...wordArg(['keras', 'json']), takes: { kind: 'path' } }, pathArg('FILE', true)]),
  examples: ['export keras iris_model.py', 'export json', 'export json model_config.json'],
  async run(ctx, { args }) {
    checkArity('export', args, 2, this.usage);
    const what = asWord(args[0]);
    const file = asWord(args[1]);
    if (what === 'keras') return exportKeras(ctx, file);
    if (what === 'json') return exportJson(ctx, file);
    throw new UserError(`export takes 'keras' or 'json'${what ? `; got '${what}'` : ''}.`, 'Example: export keras model.py, or export json.');
  },
});
