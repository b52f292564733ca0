import { message, text } from '../render/blocks.js';
import { formatProgressLine } from '../render/progress.js';
import { sessionCompile } from '../train/compile-session.js';
import { engineStep } from '../train/engine-call.js';
import { heldOutSplit, requireDataset } from '../train/eval-data.js';
import { changeNote } from '../render/fit-report.js';
import { modelIO } from '../train/model-io.js';
import { engineSplit, checkInput, resolveCompile, targetForm } from '../train/prepare.js';
import { UserError } from '../core/user-error.js';
import { defineCommand } from './types.js';
import { simple } from './options.js';

export const evaluate = defineCommand({
  name: 'evaluate',
  group: 'Train the model',
  summary: 'Loss and metrics on the test split (else the validation split), as Keras evaluate prints them.',
  options: simple(),
  examples: ['evaluate'],
  async run(ctx, { args }) {
    if (args.length > 0) throw new UserError('evaluate takes no arguments: it uses the test split, else the validation split.');
    const dataset = requireDataset(ctx.session, 'evaluate');
    const io = modelIO(ctx.session.model);
    checkInput(dataset, io);
    const compiled = sessionCompile(ctx.session);
    const held = heldOutSplit(dataset);
    const data = engineSplit(dataset, held.split, targetForm(dataset, compiled.config, io));
    const resolved = resolveCompile(compiled.config, io, data.yShape.reduce((a, b) => a * b, 1));
    const api = ctx.session.engine;
    const out = await engineStep(() => api.evaluate(ctx.session.model.plan(), resolved, data, ctx.session.training.random));
    const note = changeNote(out.change);
    const line = formatProgressLine({ step: out.steps, steps: out.steps, elapsedMs: out.elapsedMs, logs: out.logs, finished: true }, Number.MAX_SAFE_INTEGER);
    return [...compiled.blocks, ...(note ? [note] : []), message(`Evaluating on the ${held.name} split (${held.split.size.toLocaleString('en-US')} rows):`), text(line)];
  },
});
