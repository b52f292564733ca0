import { readFile } from 'node:fs/promises';
import { executeLine } from '../commands/execute.js';
import type { CommandContext } from '../commands/types.js';
import { dataSessionOf } from '../data/data-session.js';
import { message, warning, type Block } from '../render/blocks.js';
import { parseSessionFile } from '../session-file/read.js';
import { formatCompile } from '../train/compile-config.js';
import { trainStateOf } from '../train/state.js';
import { checkpointDirFor } from './paths.js';
import { readCheckpoint, type CheckpointInfo } from './checkpoint.js';
import type { Checkpointer } from './checkpointer.js';
import { installCheckpoint } from './restore-weights.js';

/** Commands a resume does not run again: training (the checkpoint has its weights) and writes. */
const NOT_REPLAYED = /^\s*(?:model\.)?(fit|save|export)\b/;

interface Restored {
  replayed: number;
  skipped: string[];
  failed: string[];
  weights: string;
}

async function restoreWeights(ctx: CommandContext, checkpoint: { info: CheckpointInfo; arrays: Float32Array[] }, checkpointer: Checkpointer | null): Promise<string> {
  const { info, arrays } = checkpoint;
  const why = await installCheckpoint(ctx, info, arrays);
  if (why) return `not restored: ${why}; the model starts from fresh weights`;
  // This session's own checkpoint starts as the restored one, so a second crash loses nothing.
  checkpointer?.queue({ info: { ...info, cell: ctx.transcript?.cells.length ?? 0 }, arrays });
  return `the checkpoint after epoch ${info.fitEpoch}/${info.fitEpochs} of the last fit (${info.savedAt}); the optimizer starts fresh`;
}

/** The lines that say what a resume brought back. */
function report(ctx: CommandContext, from: string, r: Restored): Block[] {
  const state = ctx.session.state;
  const params = ctx.session.analysis();
  const lines = [`Resumed the session journaled in ${from}:`, `  commands replayed: ${r.replayed}${r.skipped.length ? `; not rerun: ${r.skipped.join(', ')}` : ''}`];
  const names = state.layers.map((l) => l.name).join(', ');
  lines.push(`  model '${state.modelName}': ${state.layers.length} layer${state.layers.length === 1 ? '' : 's'}${names ? ` (${names})` : ''}, ${(params.trainableParams + params.nonTrainableParams).toLocaleString('en-US')} params`);
  const compile = trainStateOf(ctx).compile;
  lines.push(`  compile: ${compile ? formatCompile(compile) : 'not compiled'}`);
  const loaded = dataSessionOf(ctx).loaded;
  lines.push(`  data: ${loaded ? `${loaded.request.spec} (${loaded.dataset.table.rowCount} rows)` : 'none loaded'}`);
  lines.push(`  weights: ${r.weights}`);
  return [message(lines.join('\n')), ...r.failed.map((f) => warning(`Not restored: ${f}`))];
}

/**
 * `--resume`: replays a journal's commands (except fits and writes) into `ctx`, puts the last
 * checkpointed weights in at the point the fit that wrote them ran, and says what came back.
 */
export async function resumeFromJournal(ctx: CommandContext, journalPath: string, checkpointer: Checkpointer | null): Promise<Block[]> {
  const file = parseSessionFile(await readFile(journalPath, 'utf8'));
  let checkpoint: { info: CheckpointInfo; arrays: Float32Array[] } | null = null;
  let weights = 'none checkpointed (no epoch finished); the model starts from fresh weights';
  try {
    checkpoint = await readCheckpoint(checkpointDirFor(journalPath));
  } catch (err) {
    weights = `not restored: the checkpoint is damaged (${(err as Error).message})`;
  }
  const r: Restored = { replayed: 0, skipped: [], failed: [], weights };
  const at = checkpoint ? Math.min(checkpoint.info.cell, file.cells.length) : -1;
  for (let i = 0; i <= file.cells.length; i++) {
    if (i === at) r.weights = await restoreWeights(ctx, checkpoint!, checkpointer);
    const cell = file.cells[i];
    if (!cell) break;
    if (NOT_REPLAYED.test(cell.command)) {
      r.skipped.push(cell.command.split('\n')[0]!);
      continue;
    }
    const result = await executeLine(ctx, cell.command);
    if (result.ok) r.replayed += 1;
    else r.failed.push(`line ${cell.lineNo}: ${cell.command.split('\n')[0]}`);
  }
  return report(ctx, journalPath, r);
}
